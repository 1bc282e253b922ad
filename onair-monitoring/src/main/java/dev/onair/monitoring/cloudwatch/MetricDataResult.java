package dev.onair.monitoring.cloudwatch;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One GetMetricData result: timestamps (epoch seconds) and values, oldest first. */
public record MetricDataResult(String id, String label, List<Long> timestamps, List<Double> values) {
  public MetricDataResult {
    requireNonNull(id, "id is null");
    timestamps = List.copyOf(timestamps);
    values = List.copyOf(values);
    if (timestamps.size() != values.size()) {
      throw new IllegalArgumentException("timestamps and values differ in length");
    }
  }
}
