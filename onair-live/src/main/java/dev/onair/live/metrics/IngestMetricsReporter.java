package dev.onair.live.metrics;

import static dev.onair.monitoring.metrics.IvsMetrics.BITS_PER_SECOND;
import static dev.onair.monitoring.metrics.IvsMetrics.CHANNEL;
import static dev.onair.monitoring.metrics.IvsMetrics.COUNT;
import static dev.onair.monitoring.metrics.IvsMetrics.COUNT_PER_SECOND;
import static dev.onair.monitoring.metrics.IvsMetrics.NAMESPACE;
import static dev.onair.monitoring.metrics.IvsMetrics.SECONDS;
import static dev.onair.monitoring.metrics.IvsMetrics.TRACK;
import static java.util.Objects.requireNonNull;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.StreamHealth;
import dev.onair.live.state.Broadcast;
import dev.onair.live.state.IngestSample;
import dev.onair.monitoring.metrics.IvsMetrics;
import dev.onair.monitoring.metrics.MetricPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes the AWS/IVS metrics once a second while anything is live (ivs.md §6.4), with the dimension sets AWS
 * documents: per channel ({@code Channel} = the channel's resource id), per channel and track ({@code Track0}),
 * per channel and viewer country (LiveDeliveredTime; {@code UNKNOWN} unless the operator names a trusted country
 * header), per health (ConcurrentStreams) and account-wide without dimensions. Account-wide IngestFramerate gets
 * one sample per live stream, so its Average, Minimum and Maximum are across streams; the account-wide bit rate,
 * views and times are sums. Nothing is published while nothing is live, as at AWS.
 */
public final class IngestMetricsReporter {
  private static final String TRACK_0 = "Track0";

  private final MetricPublisher publisher;
  private final Clock clock;
  private final Map<Broadcast, Dimensions> dimensionsByBroadcast = new HashMap<>();

  /** A broadcast's dimension sets, made once rather than every second (an ARN parse and three maps per channel). */
  private record Dimensions(Map<String, String> channel, Map<String, String> track,
      Map<String, Map<String, String>> byCountry) {
    static Dimensions of(Broadcast broadcast) {
      String channelId =
          IvsArn.parse(broadcast.channelArn()).map(IvsArn::resourceId).orElse(broadcast.channelArn());
      return new Dimensions(Map.of(CHANNEL, channelId), Map.of(CHANNEL, channelId, TRACK, TRACK_0), new HashMap<>());
    }

    Map<String, String> country(String code) {
      return byCountry.computeIfAbsent(code,
          unused -> Map.of(CHANNEL, channel.get(CHANNEL), IvsMetrics.VIEWER_COUNTRY_CODE, code));
    }
  }

  public IngestMetricsReporter(MetricPublisher publisher, Clock clock) {
    this.publisher = requireNonNull(publisher, "publisher is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** On the ticker thread only. */
  public void report(Map<Broadcast, IngestSample> samples) {
    // only what is live now is kept; called on the ticker thread alone
    dimensionsByBroadcast.keySet().retainAll(samples.keySet());
    if (samples.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    long nowMillis = clock.millis();
    long totalBitrate = 0;
    long totalViews = 0;
    long recording = 0;
    Map<StreamHealth, Integer> byHealth = new EnumMap<>(StreamHealth.class);
    for (Map.Entry<Broadcast, IngestSample> entry : samples.entrySet()) {
      Broadcast broadcast = entry.getKey();
      IngestSample sample = entry.getValue();
      Dimensions dimensions = dimensionsByBroadcast.computeIfAbsent(broadcast, Dimensions::of);
      Map<String, String> channel = dimensions.channel();
      Map<String, String> track = dimensions.track();
      Map<String, Long> viewsByCountry = broadcast.viewers().countByCountry(nowMillis);
      long views = 0;
      for (long count : viewsByCountry.values()) {
        views += count;
      }

      put(IvsMetrics.INGEST_VIDEO_BITRATE, channel, track, sample.videoBitsPerSecond(), BITS_PER_SECOND, now);
      put(IvsMetrics.INGEST_AUDIO_BITRATE, channel, track, sample.audioBitsPerSecond(), BITS_PER_SECOND, now);
      put(IvsMetrics.INGEST_FRAMERATE, channel, track, sample.framesPerSecond(), COUNT_PER_SECOND, now);
      record(IvsMetrics.INGEST_FRAMERATE, Map.of(), sample.framesPerSecond(), COUNT_PER_SECOND, now);
      if (sample.keyframeIntervalSeconds() > 0) {
        put(IvsMetrics.KEYFRAME_INTERVAL, channel, track, sample.keyframeIntervalSeconds(), SECONDS, now);
      }
      record(IvsMetrics.INGEST_BITRATE, channel, sample.totalBitsPerSecond(), BITS_PER_SECOND, now);
      record(IvsMetrics.CONCURRENT_VIEWS, channel, views, COUNT, now);
      record(IvsMetrics.LIVE_INPUT_TIME, channel, 1, SECONDS, now);
      record(IvsMetrics.LIVE_DELIVERED_TIME, channel, views, SECONDS, now);
      for (Map.Entry<String, Long> country : viewsByCountry.entrySet()) {
        record(IvsMetrics.LIVE_DELIVERED_TIME, dimensions.country(country.getKey()), country.getValue(), SECONDS,
            now);
      }
      if (broadcast.recording()) {
        record(IvsMetrics.RECORDED_TIME, channel, 1, SECONDS, now);
        recording++;
      }
      totalBitrate += sample.totalBitsPerSecond();
      totalViews += views;
      byHealth.merge(sample.health(), 1, Integer::sum);
    }
    Map<String, String> none = Map.of();
    record(IvsMetrics.INGEST_BITRATE, none, totalBitrate, BITS_PER_SECOND, now);
    record(IvsMetrics.CONCURRENT_VIEWS, none, totalViews, COUNT, now);
    record(IvsMetrics.CONCURRENT_STREAMS, none, samples.size(), COUNT, now);
    record(IvsMetrics.LIVE_INPUT_TIME, none, samples.size(), SECONDS, now);
    record(IvsMetrics.LIVE_DELIVERED_TIME, none, totalViews, SECONDS, now);
    if (recording > 0) {
      record(IvsMetrics.RECORDED_TIME, none, recording, SECONDS, now);
    }
    for (Map.Entry<StreamHealth, Integer> health : byHealth.entrySet()) {
      record(IvsMetrics.CONCURRENT_STREAMS, Map.of(IvsMetrics.HEALTH, health.getKey().name()), health.getValue(),
          COUNT, now);
    }
  }

  private void put(String metric, Map<String, String> channel, Map<String, String> track, double value, String unit,
      Instant now) {
    record(metric, channel, value, unit, now);
    record(metric, track, value, unit, now);
  }

  private void record(String metric, Map<String, String> dimensions, double value, String unit, Instant now) {
    try {
      publisher.record(NAMESPACE, metric, dimensions, value, unit, now);
    } catch (RuntimeException e) {
      // Metrics are best effort; the media path and the ticker must keep going.
    }
  }
}
