package dev.onair.monitoring.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * What the data plane calls to report a measurement, e.g. RTMP ingest once a second per channel:
 *
 * <pre>{@code
 * publisher.record(IvsMetrics.NAMESPACE, IvsMetrics.INGEST_VIDEO_BITRATE,
 *     Map.of(IvsMetrics.CHANNEL, channelId), 2_500_000, IvsMetrics.BITS_PER_SECOND, now);
 * }</pre>
 *
 * Calls must be cheap and never throw into the media path: implementations buffer and write asynchronously.
 */
@FunctionalInterface
public interface MetricPublisher {
  void record(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      double value,
      String unit,
      Instant timestamp);

  /** A publisher that drops everything, for components started without monitoring. */
  static MetricPublisher noop() {
    return (namespace, metricName, dimensions, value, unit, timestamp) -> {};
  }
}
