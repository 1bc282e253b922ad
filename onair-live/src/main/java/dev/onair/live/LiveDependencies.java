package dev.onair.live;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.port.ChannelRepository;
import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.ivs.port.PlaybackKeyPairRepository;
import dev.onair.ivs.port.PlaybackRestrictionPolicyRepository;
import dev.onair.ivs.port.RecordingConfigurationRepository;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.ivs.port.ViewerSessionRevocationRepository;
import dev.onair.live.port.LiveSessionRepository;
import dev.onair.live.port.RecordingRepository;
import dev.onair.monitoring.metrics.MetricPublisher;
import dev.onair.s3.ObjectWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the data plane uses from the other modules; the composition root builds it (see onair-live/WIRING.md).
 *
 * @param objects writes recordings into buckets; null turns auto-record off
 * @param playbackRestrictionPolicies the channels' playback restriction policies, enforced on playback
 */
public record LiveDependencies(
    ChannelRepository channels,
    StreamKeyRepository streamKeys,
    RecordingConfigurationRepository recordingConfigurations,
    PlaybackKeyPairRepository playbackKeyPairs,
    ViewerSessionRevocationRepository viewerSessionRevocations,
    LiveSessionRepository sessions,
    RecordingRepository recordings,
    ObjectWriter objects,
    MetricPublisher metrics,
    IdGenerator ids,
    Clock clock,
    PlaybackRestrictionPolicyRepository playbackRestrictionPolicies) {

  public LiveDependencies {
    requireNonNull(channels, "channels is null");
    requireNonNull(streamKeys, "streamKeys is null");
    requireNonNull(recordingConfigurations, "recordingConfigurations is null");
    requireNonNull(playbackKeyPairs, "playbackKeyPairs is null");
    requireNonNull(viewerSessionRevocations, "viewerSessionRevocations is null");
    requireNonNull(sessions, "sessions is null");
    requireNonNull(recordings, "recordings is null");
    requireNonNull(metrics, "metrics is null");
    requireNonNull(ids, "ids is null");
    requireNonNull(clock, "clock is null");
    requireNonNull(playbackRestrictionPolicies, "playbackRestrictionPolicies is null");
  }

  /** Without playback restriction policies (every channel plays from anywhere). */
  public LiveDependencies(ChannelRepository channels, StreamKeyRepository streamKeys,
      RecordingConfigurationRepository recordingConfigurations, PlaybackKeyPairRepository playbackKeyPairs,
      ViewerSessionRevocationRepository viewerSessionRevocations, LiveSessionRepository sessions,
      RecordingRepository recordings, ObjectWriter objects, MetricPublisher metrics, IdGenerator ids, Clock clock) {
    this(channels, streamKeys, recordingConfigurations, playbackKeyPairs, viewerSessionRevocations, sessions,
        recordings, objects, metrics, ids, clock, NoPolicies.INSTANCE);
  }

  private enum NoPolicies implements PlaybackRestrictionPolicyRepository {
    INSTANCE;

    @Override
    public void create(PlaybackRestrictionPolicy policy) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean update(PlaybackRestrictionPolicy policy) {
      return false;
    }

    @Override
    public Optional<PlaybackRestrictionPolicy> find(String arn) {
      return Optional.empty();
    }

    @Override
    public boolean delete(String arn) {
      return false;
    }

    @Override
    public List<PlaybackRestrictionPolicy> page(String accountId, String region, String afterArn, int limit) {
      return List.of();
    }

    @Override
    public long count(String accountId, String region) {
      return 0;
    }
  }
}
