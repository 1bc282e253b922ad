package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

/**
 * One stored point of a series at one resolution.
 *
 * @param start the bucket's start in epoch seconds, a multiple of its resolution
 * @param unit the CloudWatch unit of the values, {@code None} when the publisher gave none
 */
public record Bucket(long start, Aggregate aggregate, String unit) {
  public Bucket {
    requireNonNull(aggregate, "aggregate is null");
    unit = unit == null ? "None" : unit;
  }

  public Bucket merge(Bucket other) {
    return new Bucket(start, aggregate.merge(other.aggregate), "None".equals(other.unit) ? unit : other.unit);
  }
}
