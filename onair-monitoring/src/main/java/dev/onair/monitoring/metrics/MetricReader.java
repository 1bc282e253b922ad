package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a series over a time range grouped into periods. Periods are aligned to multiples of the period since
 * the epoch, and a point's timestamp is its period's start, as in CloudWatch.
 */
public final class MetricReader {
  private final MetricStore store;
  private final Clock clock;

  public MetricReader(MetricStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public MetricStore store() {
    return store;
  }

  /**
   * @param unit only buckets recorded with this unit count; null for any
   * @return one datapoint per period that has data, oldest first
   */
  public List<Datapoint> read(MetricKey key, Instant start, Instant end, int periodSeconds, String unit) {
    Resolution resolution = Resolution.forQuery(periodSeconds, start, clock.instant());
    long period = Math.max(periodSeconds, resolution.seconds());
    long from = Math.floorDiv(start.getEpochSecond(), period) * period;
    long to = end.getEpochSecond();
    Map<Long, Datapoint> periods = new TreeMap<>();
    for (Bucket bucket : store.read(resolution, key, from, to)) {
      if (unit != null && !unit.equals(bucket.unit())) {
        continue;
      }
      long periodStart = Math.floorDiv(bucket.start(), period) * period;
      periods.merge(
          periodStart,
          new Datapoint(Instant.ofEpochSecond(periodStart), bucket.aggregate(), bucket.unit()),
          (a, b) -> new Datapoint(a.timestamp(), a.aggregate().merge(b.aggregate()), a.unit()));
    }
    return new ArrayList<>(periods.values());
  }
}
