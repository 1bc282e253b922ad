package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.IvsArn;
import java.time.Instant;

/**
 * A channel as stored. The ingest endpoint and playback URL are not stored: they derive from the installation's
 * public address, which may change between restarts.
 *
 * @param recordingConfigurationArn empty when recording is off (AWS's representation, kept verbatim)
 * @param preset empty for BASIC and STANDARD channels, which have no preset
 * @param playbackRestrictionPolicyArn empty when none
 */
public record Channel(
    String arn,
    String name,
    String latencyMode,
    String type,
    String recordingConfigurationArn,
    boolean authorized,
    boolean insecureIngest,
    String preset,
    String playbackRestrictionPolicyArn,
    MultitrackInputConfiguration multitrackInputConfiguration,
    String containerFormat,
    Instant createdAt) {

  public Channel {
    requireNonNull(arn, "arn is null");
    requireNonNull(name, "name is null");
    requireNonNull(latencyMode, "latencyMode is null");
    requireNonNull(type, "type is null");
    requireNonNull(recordingConfigurationArn, "recordingConfigurationArn is null");
    requireNonNull(preset, "preset is null");
    requireNonNull(playbackRestrictionPolicyArn, "playbackRestrictionPolicyArn is null");
    requireNonNull(multitrackInputConfiguration, "multitrackInputConfiguration is null");
    requireNonNull(containerFormat, "containerFormat is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public IvsArn parsedArn() {
    return IvsArn.parse(arn).orElseThrow();
  }

  public String id() {
    return parsedArn().resourceId();
  }

  public boolean recordingEnabled() {
    return !recordingConfigurationArn.isEmpty();
  }
}
