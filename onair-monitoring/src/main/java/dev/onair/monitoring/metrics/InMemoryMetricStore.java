package dev.onair.monitoring.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A store in the heap. Bounded the same way as the JDBC store: by expiry and by the ingest's series cap. */
public final class InMemoryMetricStore implements MetricStore {
  private final ConcurrentSkipListMap<String, Series> series = new ConcurrentSkipListMap<>();

  private static final class Series {
    final MetricKey key;
    final Map<Resolution, NavigableMap<Long, Bucket>> tiers = new EnumMap<>(Resolution.class);
    volatile Instant lastSeen;

    Series(MetricKey key) {
      this.key = key;
      for (Resolution resolution : Resolution.values()) {
        tiers.put(resolution, new ConcurrentSkipListMap<>());
      }
    }
  }

  @Override
  public void merge(Resolution resolution, MetricKey key, List<Bucket> buckets, Instant seenAt) {
    Series target = series.computeIfAbsent(key.seriesId(), id -> new Series(key));
    NavigableMap<Long, Bucket> tier = target.tiers.get(resolution);
    synchronized (target) {
      for (Bucket bucket : buckets) {
        tier.merge(bucket.start(), bucket, Bucket::merge);
      }
      if (target.lastSeen == null || seenAt.isAfter(target.lastSeen)) {
        target.lastSeen = seenAt;
      }
    }
  }

  @Override
  public List<Bucket> read(Resolution resolution, MetricKey key, long fromEpoch, long toEpoch) {
    Series found = series.get(key.seriesId());
    if (found == null || fromEpoch >= toEpoch) {
      return List.of();
    }
    synchronized (found) {
      return new ArrayList<>(found.tiers.get(resolution).subMap(fromEpoch, true, toEpoch, false).values());
    }
  }

  @Override
  public List<MetricKey> find(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      Instant seenSince,
      String afterSeriesId,
      int limit) {
    List<MetricKey> result = new ArrayList<>();
    Map<String, Series> view = afterSeriesId == null ? series : series.tailMap(afterSeriesId, false);
    for (Series candidate : view.values()) {
      if (result.size() >= limit) {
        break;
      }
      MetricKey key = candidate.key;
      if ((namespace == null || namespace.equals(key.namespace()))
          && (metricName == null || metricName.equals(key.metricName()))
          && key.matches(dimensions)
          && (seenSince == null || !candidate.lastSeen.isBefore(seenSince))) {
        result.add(key);
      }
    }
    return result;
  }

  @Override
  public boolean exists(MetricKey key) {
    return series.containsKey(key.seriesId());
  }

  @Override
  public long seriesCount() {
    return series.size();
  }

  @Override
  public int expire(Resolution resolution, long beforeEpoch) {
    int removed = 0;
    for (Series candidate : series.values()) {
      synchronized (candidate) {
        NavigableMap<Long, Bucket> old = candidate.tiers.get(resolution).headMap(beforeEpoch, false);
        removed += old.size();
        old.clear();
      }
    }
    return removed;
  }

  @Override
  public int forgetSeries(Instant cutoff) {
    int removed = 0;
    for (Map.Entry<String, Series> entry : series.entrySet()) {
      if (entry.getValue().lastSeen.isBefore(cutoff) && series.remove(entry.getKey(), entry.getValue())) {
        removed++;
      }
    }
    return removed;
  }
}
