package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A period's aggregate: what GetMetricStatistics returns and GetMetricData reduces to one statistic. */
public record Datapoint(Instant timestamp, Aggregate aggregate, String unit) {
  public Datapoint {
    requireNonNull(timestamp, "timestamp is null");
    requireNonNull(aggregate, "aggregate is null");
  }
}
