package dev.onair.ivs;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.port.ChannelRepository;
import dev.onair.ivs.port.LiveStreamState;
import dev.onair.ivs.port.PlaybackKeyPairRepository;
import dev.onair.ivs.port.PlaybackRestrictionPolicyRepository;
import dev.onair.ivs.port.RecordingBucketChecker;
import dev.onair.ivs.port.RecordingConfigurationRepository;
import dev.onair.ivs.port.ServiceLinkedRoleCreator;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.ivs.port.TagRepository;
import dev.onair.ivs.port.ViewerSessionRevocationRepository;
import java.time.Clock;

/** Everything the IVS operations need, constructed by the composition root (see WIRING.md). */
public record IvsDependencies(
    ChannelRepository channels,
    StreamKeyRepository streamKeys,
    RecordingConfigurationRepository recordingConfigurations,
    PlaybackKeyPairRepository playbackKeyPairs,
    PlaybackRestrictionPolicyRepository playbackRestrictionPolicies,
    ViewerSessionRevocationRepository viewerSessionRevocations,
    TagRepository tags,
    LiveStreamState liveStreams,
    RecordingBucketChecker bucketChecker,
    ServiceLinkedRoleCreator serviceLinkedRoles,
    IvsEndpoints endpoints,
    IvsQuotas quotas,
    IvsThrottle throttle,
    IdGenerator ids,
    Clock clock) {

  public IvsDependencies {
    requireNonNull(channels, "channels is null");
    requireNonNull(streamKeys, "streamKeys is null");
    requireNonNull(recordingConfigurations, "recordingConfigurations is null");
    requireNonNull(playbackKeyPairs, "playbackKeyPairs is null");
    requireNonNull(playbackRestrictionPolicies, "playbackRestrictionPolicies is null");
    requireNonNull(viewerSessionRevocations, "viewerSessionRevocations is null");
    requireNonNull(tags, "tags is null");
    requireNonNull(liveStreams, "liveStreams is null");
    requireNonNull(bucketChecker, "bucketChecker is null");
    requireNonNull(serviceLinkedRoles, "serviceLinkedRoles is null");
    requireNonNull(endpoints, "endpoints is null");
    requireNonNull(quotas, "quotas is null");
    requireNonNull(throttle, "throttle is null");
    requireNonNull(ids, "ids is null");
    requireNonNull(clock, "clock is null");
  }
}
