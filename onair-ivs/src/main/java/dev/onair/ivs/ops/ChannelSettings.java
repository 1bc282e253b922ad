package dev.onair.ivs.ops;

import dev.onair.ivs.IvsErrors;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import java.time.Instant;

/**
 * The configurable members CreateChannel and UpdateChannel share, each null when the request leaves it out, and
 * the rules that relate them (preset only for ADVANCED types, multitrack only for STANDARD with fMP4).
 */
record ChannelSettings(
    String name,
    String latencyMode,
    String type,
    Boolean authorized,
    String recordingConfigurationArn,
    Boolean insecureIngest,
    String preset,
    String playbackRestrictionPolicyArn,
    MultitrackSettings multitrack,
    String containerFormat,
    String adConfigurationArn) {

  record MultitrackSettings(Boolean enabled, String policy, String maximumResolution) {}

  static ChannelSettings read(Input input) {
    Input multitrackInput = input.struct("multitrackInputConfiguration", false);
    MultitrackSettings multitrack = multitrackInput == null
        ? null
        : new MultitrackSettings(
            multitrackInput.bool("enabled"),
            multitrackInput.string("policy", Rules.MULTITRACK_POLICY),
            multitrackInput.string("maximumResolution", Rules.MULTITRACK_RESOLUTION));
    return new ChannelSettings(
        input.string("name", Rules.NAME),
        input.string("latencyMode", Rules.LATENCY_MODE),
        input.string("type", Rules.CHANNEL_TYPE),
        input.bool("authorized"),
        input.string("recordingConfigurationArn", Rules.CHANNEL_RECORDING_CONFIGURATION_ARN),
        input.bool("insecureIngest"),
        input.string("preset", Rules.PRESET),
        input.string("playbackRestrictionPolicyArn", Rules.CHANNEL_PLAYBACK_RESTRICTION_POLICY_ARN),
        multitrack,
        input.string("containerFormat", Rules.CONTAINER_FORMAT),
        input.string("adConfigurationArn", Rules.CHANNEL_AD_CONFIGURATION_ARN));
  }

  /** A new channel with AWS's defaults for everything the request left out. */
  Channel create(String arn, Instant now) {
    Channel defaults = new Channel(
        arn, "", "LOW", "STANDARD", "", false, false, "", "", MultitrackInputConfiguration.DISABLED, "TS", now);
    return applyTo(defaults, true);
  }

  /** The channel with the request's members applied; members left out keep their values. */
  Channel applyTo(Channel current, boolean creating) {
    String newType = or(type, current.type());
    boolean advanced = newType.startsWith("ADVANCED_");
    if (preset != null && !preset.isEmpty() && !advanced) {
      throw IvsErrors.validation("preset is selectable only for the ADVANCED_SD and ADVANCED_HD channel types");
    }
    String newPreset;
    if (!advanced) {
      newPreset = "";
    } else if (preset != null && !preset.isEmpty()) {
      newPreset = preset;
    } else if (current.preset().isEmpty() || creating) {
      newPreset = "HIGHER_BANDWIDTH_DELIVERY";
    } else {
      newPreset = current.preset();
    }
    MultitrackInputConfiguration newMultitrack = multitrack(current.multitrackInputConfiguration());
    String newContainerFormat = or(containerFormat, current.containerFormat());
    if (newMultitrack.enabled()) {
      if (!"STANDARD".equals(newType)) {
        throw IvsErrors.validation("multitrackInputConfiguration can be enabled only for the STANDARD channel type");
      }
      if (!"FRAGMENTED_MP4".equals(newContainerFormat)) {
        throw IvsErrors.validation(
            "containerFormat must be FRAGMENTED_MP4 when multitrackInputConfiguration is enabled");
      }
    }
    return new Channel(
        current.arn(),
        or(name, current.name()),
        or(latencyMode, current.latencyMode()),
        newType,
        or(recordingConfigurationArn, current.recordingConfigurationArn()),
        authorized != null ? authorized : current.authorized(),
        insecureIngest != null ? insecureIngest : current.insecureIngest(),
        newPreset,
        or(playbackRestrictionPolicyArn, current.playbackRestrictionPolicyArn()),
        newMultitrack,
        newContainerFormat,
        current.createdAt());
  }

  private MultitrackInputConfiguration multitrack(MultitrackInputConfiguration current) {
    if (multitrack == null) {
      return current;
    }
    boolean enabled = multitrack.enabled() != null && multitrack.enabled();
    if (enabled && (multitrack.policy() == null || multitrack.maximumResolution() == null)) {
      throw IvsErrors.validation(
          "policy and maximumResolution are required when multitrackInputConfiguration is enabled");
    }
    return new MultitrackInputConfiguration(
        enabled,
        or(multitrack.policy(), MultitrackInputConfiguration.DISABLED.policy()),
        or(multitrack.maximumResolution(), MultitrackInputConfiguration.DISABLED.maximumResolution()));
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
