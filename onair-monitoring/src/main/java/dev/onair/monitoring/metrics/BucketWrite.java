package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

/** One bucket to merge into what a store holds for {@code key} at {@code resolution}. */
public record BucketWrite(MetricKey key, Resolution resolution, Bucket bucket) {
  public BucketWrite {
    requireNonNull(key, "key is null");
    requireNonNull(resolution, "resolution is null");
    requireNonNull(bucket, "bucket is null");
  }
}
