package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes observations into every resolution tier of a {@link MetricStore}. Points older than a tier keeps are not
 * written to it, and new series beyond {@code maxSeries} are refused, which is what bounds the store.
 *
 * <p>A call is one {@link MetricStore#mergeAll} (one transaction on a database): when it returns, the points are
 * durable. PutMetricData answers only after that.
 */
public final class MetricIngest {
  private final MetricStore store;
  private final Clock clock;
  private final long maxSeries;

  public MetricIngest(MetricStore store, Clock clock, long maxSeries) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    if (maxSeries < 1) {
      throw new IllegalArgumentException("maxSeries must be positive");
    }
    this.maxSeries = maxSeries;
  }

  public MetricStore store() {
    return store;
  }

  Clock clock() {
    return clock;
  }

  /**
   * @throws MetricLimitException when a datum would create a series beyond the cap; data for known series in
   *     the same batch is still written
   */
  public void write(List<MetricDatum> data) {
    Map<Slot, Bucket> merged = new LinkedHashMap<>();
    for (MetricDatum datum : data) {
      for (Resolution resolution : Resolution.values()) {
        long start = resolution.bucketStart(datum.timestamp());
        merged.merge(
            new Slot(datum.key(), resolution, start), new Bucket(start, datum.aggregate(), datum.unit()),
            Bucket::merge);
      }
    }
    List<BucketWrite> writes = new ArrayList<>(merged.size());
    merged.forEach((slot, bucket) -> writes.add(new BucketWrite(slot.key(), slot.resolution(), bucket)));
    writeBuckets(writes);
  }

  private record Slot(MetricKey key, Resolution resolution, long start) {}

  /**
   * Merges already-bucketed points (the data plane's, aggregated in memory by {@link BufferingMetricPublisher})
   * with the same retention and series cap as {@link #write}.
   *
   * @throws MetricLimitException as {@link #write}
   */
  public void writeBuckets(List<BucketWrite> writes) {
    Instant now = clock.instant();
    List<BucketWrite> kept = new ArrayList<>(writes.size());
    Set<MetricKey> known = new HashSet<>();
    Set<MetricKey> refused = new HashSet<>();
    long count = -1;
    for (BucketWrite write : writes) {
      if (write.bucket().start() < write.resolution().oldestKept(now)) {
        continue;
      }
      MetricKey key = write.key();
      if (refused.contains(key)) {
        continue;
      }
      if (!known.contains(key)) {
        if (!store.exists(key)) {
          // series new to the store count against the cap, including those this batch creates
          if (count < 0) {
            count = store.seriesCount();
          }
          if (count >= maxSeries) {
            refused.add(key);
            continue;
          }
          count++;
        }
        known.add(key);
      }
      kept.add(write);
    }
    if (!kept.isEmpty()) {
      store.mergeAll(kept, now);
    }
    if (!refused.isEmpty()) {
      throw new MetricLimitException("The maximum number of metrics (" + maxSeries + ") has been reached");
    }
  }
}
