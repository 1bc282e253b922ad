package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane's publisher: aggregates observations in memory per series, tier and bucket, and writes what is
 * due on {@link #flush()}, which the composition root runs every second, in one {@link MetricIngest#writeBuckets}
 * call (one transaction). An observation therefore costs a few map updates; the store sees, per series, one
 * 1-second bucket per flush, one 1-minute bucket when its minute has ended, and the open 5-minute bucket's
 * partial aggregate once a minute ({@link #ROLLUP_INTERVAL}), so every tier reaches the store at most a minute
 * plus one flush after the data was observed (ARCHITECTURE.md "Metric ingestion").
 *
 * <p>Readers on this node see the pending buckets too: {@link #visibleThrough} wraps the durable store so that
 * reads merge them in. A flush moves buckets from memory to the store under a write lock that such reads hold
 * as readers, so a read sees each observation exactly once.
 *
 * <p>Pending buckets are not durable: a crash loses at most the last second of 1-second data and the last minute
 * of 1-minute and 5-minute roll-ups (the 1-second tier, which answers every query reaching back less than three
 * hours, keeps the data). This is for the data plane's own once-a-second samples, which nobody acknowledged;
 * PutMetricData writes through {@link MetricIngest#write} and answers only once its points are committed.
 *
 * <p>When more than {@code maxPending} (series, tier, bucket) slots are waiting, observations for series not
 * already pending are dropped and counted rather than letting memory grow.
 */
public final class BufferingMetricPublisher implements MetricPublisher {
  /** How long an open roll-up (5-minute) bucket may stay only in memory; 1-minute buckets end within it. */
  public static final Duration ROLLUP_INTERVAL = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(BufferingMetricPublisher.class);

  private final MetricIngest ingest;
  private final PendingBuckets pending;
  private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
  private final AtomicLong dropped = new AtomicLong();
  // touched only under the write lock
  private long lastRollupPeriod;

  public BufferingMetricPublisher(MetricIngest ingest, int maxPending) {
    this.ingest = requireNonNull(ingest, "ingest is null");
    this.pending = new PendingBuckets(maxPending);
    this.lastRollupPeriod = rollupPeriod(ingest.clock().instant().getEpochSecond());
  }

  @Override
  public void record(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      double value,
      String unit,
      Instant timestamp) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return;
    }
    MetricKey key = MetricKey.of(namespace, metricName, dimensions);
    if (!pending.add(key, timestamp.getEpochSecond(), Aggregate.of(value), unit)) {
      dropped.incrementAndGet();
    }
  }

  /**
   * Writes what is due: every pending 1-second bucket, 1-minute buckets whose minute has ended, and once per
   * {@link #ROLLUP_INTERVAL} every 5-minute bucket (ended or partial). Safe to call from one scheduler thread
   * while producers keep recording.
   */
  public void flush() {
    flush(false);
  }

  /** Writes everything pending, open buckets included: for an orderly stop. */
  public void flushAll() {
    flush(true);
  }

  private void flush(boolean everything) {
    long now = ingest.clock().instant().getEpochSecond();
    visibility.writeLock().lock();
    try {
      long period = rollupPeriod(now);
      boolean rollups = everything || period != lastRollupPeriod;
      lastRollupPeriod = period;
      List<BucketWrite> batch =
          pending.drain(
              Long.MAX_VALUE,
              everything ? Long.MAX_VALUE : now - Resolution.MINUTE.seconds() + 1,
              rollups ? Long.MAX_VALUE : now - Resolution.FIVE_MINUTES.seconds() + 1);
      if (batch.isEmpty()) {
        return;
      }
      try {
        ingest.writeBuckets(batch);
      } catch (MetricLimitException e) {
        dropped.incrementAndGet();
        LOG.warn("metric series limit reached; new series dropped");
      } catch (RuntimeException e) {
        dropped.addAndGet(batch.size());
        LOG.warn("could not store {} metric buckets", batch.size(), e);
      }
    } finally {
      visibility.writeLock().unlock();
    }
  }

  private static long rollupPeriod(long epochSecond) {
    return Math.floorDiv(epochSecond, ROLLUP_INTERVAL.toSeconds());
  }

  /**
   * {@code durable} as this node's readers should see it: reads merge in the buckets still pending here, and are
   * never interleaved with a flush (which would show a bucket twice or not at all). Writes go to {@code
   * durable} directly.
   */
  public MetricStore visibleThrough(MetricStore durable) {
    return new PendingAwareMetricStore(durable, pending, visibility.readLock());
  }

  /** Observations lost to the buffer bound or a failing store, for the operator's Prometheus page. */
  public long droppedCount() {
    return dropped.get();
  }

  /** (series, tier, bucket) slots waiting to be written. */
  public int pendingCount() {
    return pending.size();
  }
}
