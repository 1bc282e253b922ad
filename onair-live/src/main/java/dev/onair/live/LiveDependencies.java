package dev.onair.live;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.port.ChannelRepository;
import dev.onair.ivs.port.PlaybackKeyPairRepository;
import dev.onair.ivs.port.RecordingConfigurationRepository;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.ivs.port.ViewerSessionRevocationRepository;
import dev.onair.live.port.LiveSessionRepository;
import dev.onair.live.port.RecordingRepository;
import dev.onair.monitoring.metrics.MetricPublisher;
import dev.onair.s3.ObjectWriter;
import java.time.Clock;

/**
 * What the data plane uses from the other modules; the composition root builds it (see onair-live/WIRING.md).
 *
 * @param objects writes recordings into buckets; null turns auto-record off
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
    Clock clock) {

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
  }
}
