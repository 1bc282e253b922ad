package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects observations in memory, merged per series and second, and writes them in one batch on {@link
 * #flush()}, which the composition root runs every second. A channel reporting five metrics a second then costs
 * one store write per metric per second however often the media code calls, and a slow store never blocks
 * ingest. When more than {@code maxPending} distinct (series, second) pairs are waiting, further observations are
 * dropped and counted rather than letting memory grow.
 */
public final class BufferingMetricPublisher implements MetricPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(BufferingMetricPublisher.class);

  private record PendingKey(MetricKey key, long second) {}

  private final MetricIngest ingest;
  private final int maxPending;
  private final ConcurrentHashMap<PendingKey, MetricDatum> pending = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  public BufferingMetricPublisher(MetricIngest ingest, int maxPending) {
    this.ingest = requireNonNull(ingest, "ingest is null");
    this.maxPending = maxPending;
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
    PendingKey slot = new PendingKey(key, timestamp.getEpochSecond());
    if (pending.size() >= maxPending && !pending.containsKey(slot)) {
      dropped.incrementAndGet();
      return;
    }
    MetricDatum datum = new MetricDatum(key, Instant.ofEpochSecond(slot.second()), Aggregate.of(value), unit);
    pending.merge(
        slot,
        datum,
        (a, b) -> new MetricDatum(a.key(), a.timestamp(), a.aggregate().merge(b.aggregate()), a.unit()));
  }

  /** Writes everything buffered so far. Safe to call from one scheduler thread while producers keep recording. */
  public void flush() {
    List<MetricDatum> batch = new ArrayList<>();
    for (PendingKey slot : List.copyOf(pending.keySet())) {
      MetricDatum datum = pending.remove(slot);
      if (datum != null) {
        batch.add(datum);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      ingest.write(batch);
    } catch (MetricLimitException e) {
      dropped.incrementAndGet();
      LOG.warn("metric series limit reached; new series dropped");
    } catch (RuntimeException e) {
      dropped.addAndGet(batch.size());
      LOG.warn("could not store {} metric points", batch.size(), e);
    }
  }

  /** Observations lost to the buffer bound or a failing store, for the operator's Prometheus page. */
  public long droppedCount() {
    return dropped.get();
  }
}
