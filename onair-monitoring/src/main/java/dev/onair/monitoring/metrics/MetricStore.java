package dev.onair.monitoring.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where metric buckets live. Implementations: {@link InMemoryMetricStore} (tests, and installations that accept
 * losing metrics on restart) and the JDBC store in onair-storage. Retention and the series cap are enforced by
 * {@link MetricIngest} and {@link MetricMaintenance} through this port, so every store bounds memory and disk
 * the same way.
 */
public interface MetricStore {
  /**
   * Adds the buckets into what is stored for {@code key} at {@code resolution}: buckets with the same start are
   * merged (counts and sums added, extremes widened), new ones are inserted. Records the series as seen at
   * {@code seenAt}.
   */
  void merge(Resolution resolution, MetricKey key, List<Bucket> buckets, Instant seenAt);

  /**
   * {@link #merge} for many series and tiers at once, as one unit of work: a database store writes them in one
   * transaction (all or nothing), which is what makes a flush or a PutMetricData call cost one commit rather than
   * one per series and tier.
   */
  default void mergeAll(List<BucketWrite> writes, Instant seenAt) {
    Map<MetricKey, Map<Resolution, List<Bucket>>> grouped = new LinkedHashMap<>();
    for (BucketWrite write : writes) {
      grouped
          .computeIfAbsent(write.key(), key -> new EnumMap<>(Resolution.class))
          .computeIfAbsent(write.resolution(), resolution -> new ArrayList<>())
          .add(write.bucket());
    }
    grouped.forEach((key, tiers) -> tiers.forEach((resolution, buckets) -> merge(resolution, key, buckets, seenAt)));
  }

  /** The buckets of one series with {@code fromEpoch <= start < toEpoch}, oldest first. */
  List<Bucket> read(Resolution resolution, MetricKey key, long fromEpoch, long toEpoch);

  /**
   * Series in {@code namespace} (all when null) named {@code metricName} (all when null) having every dimension in
   * {@code dimensions} (a null value matches any), seen at or after {@code seenSince} (any time when null);
   * ordered by {@link MetricKey#seriesId()}, starting after {@code afterSeriesId} (null from the start), which
   * gives stable paging while new series appear.
   */
  List<MetricKey> find(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      Instant seenSince,
      String afterSeriesId,
      int limit);

  /** Whether the series is already known (new series count against the cap). */
  boolean exists(MetricKey key);

  long seriesCount();

  /** Deletes buckets of {@code resolution} starting before {@code beforeEpoch}; returns how many went. */
  int expire(Resolution resolution, long beforeEpoch);

  /** Forgets series not seen since {@code cutoff} (their buckets have all expired by then). */
  int forgetSeries(Instant cutoff);
}
