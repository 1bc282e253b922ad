package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;

/**
 * A durable store seen together with the data plane's pending buckets ({@link
 * BufferingMetricPublisher#visibleThrough}): reads merge both under the publisher's read lock; everything else
 * goes to the durable store.
 */
final class PendingAwareMetricStore implements MetricStore {
  private final MetricStore durable;
  private final PendingBuckets pending;
  private final Lock readLock;

  PendingAwareMetricStore(MetricStore durable, PendingBuckets pending, Lock readLock) {
    this.durable = requireNonNull(durable, "durable is null");
    this.pending = requireNonNull(pending, "pending is null");
    this.readLock = requireNonNull(readLock, "readLock is null");
  }

  @Override
  public List<Bucket> read(Resolution resolution, MetricKey key, long fromEpoch, long toEpoch) {
    readLock.lock();
    try {
      List<Bucket> stored = durable.read(resolution, key, fromEpoch, toEpoch);
      List<Bucket> waiting = pending.read(resolution, key, fromEpoch, toEpoch);
      if (waiting.isEmpty()) {
        return stored;
      }
      TreeMap<Long, Bucket> merged = new TreeMap<>();
      for (Bucket bucket : stored) {
        merged.merge(bucket.start(), bucket, Bucket::merge);
      }
      for (Bucket bucket : waiting) {
        merged.merge(bucket.start(), bucket, Bucket::merge);
      }
      return new ArrayList<>(merged.values());
    } finally {
      readLock.unlock();
    }
  }

  @Override
  public void merge(Resolution resolution, MetricKey key, List<Bucket> buckets, Instant seenAt) {
    durable.merge(resolution, key, buckets, seenAt);
  }

  @Override
  public void mergeAll(List<BucketWrite> writes, Instant seenAt) {
    durable.mergeAll(writes, seenAt);
  }

  @Override
  public List<MetricKey> find(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      Instant seenSince,
      String afterSeriesId,
      int limit) {
    return durable.find(namespace, metricName, dimensions, seenSince, afterSeriesId, limit);
  }

  @Override
  public boolean exists(MetricKey key) {
    return durable.exists(key);
  }

  @Override
  public long seriesCount() {
    return durable.seriesCount();
  }

  @Override
  public int expire(Resolution resolution, long beforeEpoch) {
    return durable.expire(resolution, beforeEpoch);
  }

  @Override
  public int forgetSeries(Instant cutoff) {
    return durable.forgetSeries(cutoff);
  }
}
