package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One observation of a series, as PutMetricData or the data plane reports it. */
public record MetricDatum(MetricKey key, Instant timestamp, Aggregate aggregate, String unit) {
  public MetricDatum {
    requireNonNull(key, "key is null");
    requireNonNull(timestamp, "timestamp is null");
    requireNonNull(aggregate, "aggregate is null");
  }
}
