package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes observations into every resolution tier of a {@link MetricStore}. Points older than a tier keeps are not
 * written to it, and new series beyond {@code maxSeries} are refused, which is what bounds the store.
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

  /**
   * @throws MetricLimitException when a datum would create a series beyond the cap; data for known series in
   *     the same batch is still written
   */
  public void write(List<MetricDatum> data) {
    var now = clock.instant();
    Map<MetricKey, Map<Resolution, Map<Long, Bucket>>> grouped = new LinkedHashMap<>();
    for (MetricDatum datum : data) {
      Map<Resolution, Map<Long, Bucket>> tiers =
          grouped.computeIfAbsent(datum.key(), key -> new EnumMap<>(Resolution.class));
      for (Resolution resolution : Resolution.values()) {
        long start = resolution.bucketStart(datum.timestamp());
        if (start < resolution.oldestKept(now)) {
          continue;
        }
        tiers
            .computeIfAbsent(resolution, r -> new LinkedHashMap<>())
            .merge(start, new Bucket(start, datum.aggregate(), datum.unit()), Bucket::merge);
      }
    }
    MetricLimitException refused = null;
    for (var entry : grouped.entrySet()) {
      MetricKey key = entry.getKey();
      if (!store.exists(key) && store.seriesCount() >= maxSeries) {
        refused = new MetricLimitException("The maximum number of metrics (" + maxSeries + ") has been reached");
        continue;
      }
      for (var tier : entry.getValue().entrySet()) {
        store.merge(tier.getKey(), key, new ArrayList<>(tier.getValue().values()), now);
      }
    }
    if (refused != null) {
      throw refused;
    }
  }
}
