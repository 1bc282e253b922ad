package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data plane's buckets that are not written yet, per series and tier, merged as observations arrive. What a
 * flush takes out is decided by the caller ({@link #drain}); readers on this node see the rest through {@link
 * #read}. Bounded: once {@code maxSlots} (series, tier, bucket) slots are held, observations for series not
 * already held are refused.
 */
final class PendingBuckets {
  private static final Resolution[] RESOLUTIONS = Resolution.values();

  private static final class Series {
    final MetricKey key;
    final List<NavigableMap<Long, Bucket>> tiers = new ArrayList<>(RESOLUTIONS.length);
    // set under the lock when the series is removed from the map, so a late writer retries with a fresh one
    boolean retired;

    Series(MetricKey key) {
      this.key = key;
      for (int i = 0; i < RESOLUTIONS.length; i++) {
        tiers.add(new TreeMap<>());
      }
    }
  }

  private final ConcurrentHashMap<MetricKey, Series> series = new ConcurrentHashMap<>();
  private final AtomicInteger slots = new AtomicInteger();
  private final int maxSlots;

  PendingBuckets(int maxSlots) {
    this.maxSlots = maxSlots;
  }

  /** @return false when refused by the bound */
  boolean add(MetricKey key, long epochSecond, Aggregate aggregate, String unit) {
    requireNonNull(key, "key is null");
    while (true) {
      Series target = series.get(key);
      if (target == null) {
        if (slots.get() >= maxSlots) {
          return false;
        }
        target = series.computeIfAbsent(key, Series::new);
      }
      synchronized (target) {
        if (target.retired) {
          continue;
        }
        for (Resolution resolution : RESOLUTIONS) {
          long start = Math.floorDiv(epochSecond, resolution.seconds()) * resolution.seconds();
          Bucket bucket = new Bucket(start, aggregate, unit);
          NavigableMap<Long, Bucket> tier = target.tiers.get(resolution.ordinal());
          Bucket old = tier.putIfAbsent(start, bucket);
          if (old == null) {
            slots.incrementAndGet();
          } else {
            tier.put(start, old.merge(bucket));
          }
        }
        return true;
      }
    }
  }

  /**
   * Removes and returns, for each tier, the buckets starting before that tier's bound (epoch seconds; {@code
   * Long.MAX_VALUE} takes all). Series left with nothing are forgotten.
   */
  List<BucketWrite> drain(long secondBefore, long minuteBefore, long fiveMinutesBefore) {
    long[] bounds = new long[RESOLUTIONS.length];
    bounds[Resolution.SECOND.ordinal()] = secondBefore;
    bounds[Resolution.MINUTE.ordinal()] = minuteBefore;
    bounds[Resolution.FIVE_MINUTES.ordinal()] = fiveMinutesBefore;
    List<BucketWrite> drained = new ArrayList<>();
    for (Series candidate : series.values()) {
      synchronized (candidate) {
        boolean empty = true;
        for (Resolution resolution : RESOLUTIONS) {
          NavigableMap<Long, Bucket> tier = candidate.tiers.get(resolution.ordinal());
          Map<Long, Bucket> due = tier.headMap(bounds[resolution.ordinal()], false);
          for (Bucket bucket : due.values()) {
            drained.add(new BucketWrite(candidate.key, resolution, bucket));
          }
          slots.addAndGet(-due.size());
          due.clear();
          empty &= tier.isEmpty();
        }
        if (empty) {
          candidate.retired = true;
          series.remove(candidate.key, candidate);
        }
      }
    }
    return drained;
  }

  /** The pending buckets of one series with {@code fromEpoch <= start < toEpoch}, oldest first. */
  List<Bucket> read(Resolution resolution, MetricKey key, long fromEpoch, long toEpoch) {
    Series found = series.get(key);
    if (found == null || fromEpoch >= toEpoch) {
      return List.of();
    }
    synchronized (found) {
      return new ArrayList<>(found.tiers.get(resolution.ordinal()).subMap(fromEpoch, true, toEpoch, false).values());
    }
  }

  int size() {
    return slots.get();
  }
}
