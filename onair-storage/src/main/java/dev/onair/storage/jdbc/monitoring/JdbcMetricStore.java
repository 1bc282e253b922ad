package dev.onair.storage.jdbc.monitoring;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.Bucket;
import dev.onair.monitoring.metrics.BucketWrite;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.MetricStore;
import dev.onair.monitoring.metrics.Resolution;
import dev.onair.storage.DataAccessException;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metric buckets in the database.
 *
 * <p>{@link #mergeAll} writes a whole batch (a data-plane flush, a PutMetricData call) in one transaction: one
 * batched {@code insert … on conflict do nothing} for every bucket, then, only for the buckets that already
 * existed (another node's, an earlier partial, or a second call for the same period), a {@code select … for
 * update}, a merge in Java (the bounded sample needs it) and a batched update. Rows are written in key order, so
 * two writers on one PostgreSQL lock them in the same order; a deadlock or a lost insert race is retried.
 *
 * <p>Series rows: this node remembers the series it has written and when it last set their {@code last_seen},
 * and sets it again at most every {@link #TOUCH_INTERVAL_SECONDS}; {@code last_seen} is therefore up to that
 * much behind, which only matters to ListMetrics' three-hour RecentlyActive filter and to forgetting series
 * after 63 days.
 */
public final class JdbcMetricStore implements MetricStore {
  static final long TOUCH_INTERVAL_SECONDS = 60;
  private static final int MAX_REMEMBERED = 200_000;
  private static final int ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> DIMENSIONS = new TypeReference<>() {};
  private static final String INSERT =
      "insert into monitoring_metric_bucket (series_key, resolution, bucket_start, sample_count, sum_value,"
          + " min_value, max_value, samples, unit) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
  private static final String SELECT_FOR_UPDATE =
      "select sample_count, sum_value, min_value, max_value, samples, unit from monitoring_metric_bucket"
          + " where series_key = ? and resolution = ? and bucket_start = ? for update";
  private static final String UPDATE =
      "update monitoring_metric_bucket set sample_count = ?, sum_value = ?, min_value = ?, max_value = ?,"
          + " samples = ?, unit = ? where series_key = ? and resolution = ? and bucket_start = ?";

  /** A series this node knows is stored, its series_key, and the last_seen it last wrote for it (epoch seconds). */
  private record Known(long seriesKey, long touchedAt) {}

  private record RowKey(long seriesKey, int resolution, long start) implements Comparable<RowKey> {
    @Override
    public int compareTo(RowKey other) {
      int bySeries = Long.compare(seriesKey, other.seriesKey);
      if (bySeries != 0) {
        return bySeries;
      }
      int byResolution = Integer.compare(resolution, other.resolution);
      return byResolution != 0 ? byResolution : Long.compare(start, other.start);
    }
  }

  private final Jdbc jdbc;
  private final ConcurrentHashMap<MetricKey, Known> known = new ConcurrentHashMap<>();

  public JdbcMetricStore(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void merge(Resolution resolution, MetricKey key, List<Bucket> buckets, Instant seenAt) {
    List<BucketWrite> writes = new ArrayList<>(buckets.size());
    for (Bucket bucket : buckets) {
      writes.add(new BucketWrite(key, resolution, bucket));
    }
    mergeAll(writes, seenAt);
  }

  @Override
  public void mergeAll(List<BucketWrite> writes, Instant seenAt) {
    if (writes.isEmpty()) {
      return;
    }
    long seen = seenAt.getEpochSecond();
    // one entry per series and bucket before the transaction; series keys are resolved inside it (a series may be
    // new, or forgotten and created again under a new key)
    Map<MetricKey, Known> remembered = new HashMap<>();
    Map<MetricKey, TreeMap<Long, Bucket>[]> bySeries = new HashMap<>();
    for (BucketWrite write : writes) {
      MetricKey key = write.key();
      TreeMap<Long, Bucket>[] tiers = bySeries.get(key);
      if (tiers == null) {
        tiers = newTiers();
        bySeries.put(key, tiers);
        remembered.put(key, known.get(key));
      }
      Bucket bucket = write.bucket();
      tiers[write.resolution().ordinal()].merge(bucket.start(), bucket, Bucket::merge);
    }
    Map<MetricKey, Long> touched = new HashMap<>();
    for (int attempt = 1; ; attempt++) {
      try {
        touched.clear();
        jdbc.transactionVoid(tx -> write(tx, bySeries, remembered, touched, seenAt));
        break;
      } catch (DataAccessException e) {
        if (attempt >= ATTEMPTS || !retryable(e)) {
          throw e;
        }
      }
    }
    if (known.size() > MAX_REMEMBERED) {
      known.clear();
    }
    touched.forEach((key, seriesKey) -> known.put(key, new Known(seriesKey, seen)));
  }

  @SuppressWarnings("unchecked")
  private static TreeMap<Long, Bucket>[] newTiers() {
    TreeMap<Long, Bucket>[] tiers = new TreeMap[Resolution.values().length];
    for (int i = 0; i < tiers.length; i++) {
      tiers[i] = new TreeMap<>();
    }
    return tiers;
  }

  // a lost insert race on H2, a deadlock or serialization failure on PostgreSQL: the next attempt sees the row
  private static boolean retryable(DataAccessException e) {
    String state = e.sqlState();
    return e.isUniqueViolation() || "40P01".equals(state) || "40001".equals(state);
  }

  private static void write(
      Tx tx,
      Map<MetricKey, TreeMap<Long, Bucket>[]> bySeries,
      Map<MetricKey, Known> remembered,
      Map<MetricKey, Long> touched,
      Instant seenAt) {
    long seen = seenAt.getEpochSecond();
    // series rows are touched in series_id order, so two writers on one PostgreSQL lock them in the same order
    TreeMap<String, MetricKey> toTouch = new TreeMap<>();
    remembered.forEach(
        (key, known) -> {
          if (known == null || seen - known.touchedAt() >= TOUCH_INTERVAL_SECONDS) {
            toTouch.put(key.seriesId(), key);
          }
        });
    toTouch.forEach((seriesId, key) -> touched.put(key, touchSeries(tx, key, seriesId, seenAt)));
    TreeMap<RowKey, Bucket> rows = new TreeMap<>();
    for (Map.Entry<MetricKey, TreeMap<Long, Bucket>[]> series : bySeries.entrySet()) {
      MetricKey key = series.getKey();
      Long fresh = touched.get(key);
      long seriesKey = fresh != null ? fresh : remembered.get(key).seriesKey();
      TreeMap<Long, Bucket>[] tiers = series.getValue();
      for (Resolution resolution : Resolution.values()) {
        for (Bucket bucket : tiers[resolution.ordinal()].values()) {
          rows.put(new RowKey(seriesKey, resolution.seconds(), bucket.start()), bucket);
        }
      }
    }
    Connection connection = tx.connection();
    try {
      List<Map.Entry<RowKey, Bucket>> entries = new ArrayList<>(rows.entrySet());
      int[] inserted;
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (Map.Entry<RowKey, Bucket> entry : entries) {
          bindAggregate(insert, 4, entry.getValue());
          RowKey row = entry.getKey();
          insert.setLong(1, row.seriesKey());
          insert.setInt(2, row.resolution());
          insert.setLong(3, row.start());
          insert.addBatch();
        }
        inserted = insert.executeBatch();
      }
      List<Map.Entry<RowKey, Bucket>> existing = new ArrayList<>();
      for (int i = 0; i < inserted.length; i++) {
        if (inserted[i] == 0) {
          existing.add(entries.get(i));
        } else if (inserted[i] != 1) {
          // e.g. pgjdbc's reWriteBatchedInserts reports SUCCESS_NO_INFO, which would hide merges
          throw new IllegalStateException("the JDBC driver did not report per-row insert counts");
        }
      }
      if (!existing.isEmpty()) {
        mergeExisting(connection, existing);
      }
    } catch (SQLException e) {
      throw new DataAccessException(e.getMessage(), e.getSQLState(), e);
    }
  }

  private static void mergeExisting(Connection connection, List<Map.Entry<RowKey, Bucket>> existing)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT_FOR_UPDATE);
        PreparedStatement update = connection.prepareStatement(UPDATE)) {
      for (Map.Entry<RowKey, Bucket> entry : existing) {
        RowKey row = entry.getKey();
        select.setLong(1, row.seriesKey());
        select.setInt(2, row.resolution());
        select.setLong(3, row.start());
        Bucket merged;
        try (ResultSet result = select.executeQuery()) {
          if (!result.next()) {
            // deleted by retention between the insert and now: nothing to merge into, so skip it
            continue;
          }
          Bucket old =
              new Bucket(
                  row.start(),
                  new Aggregate(
                      result.getDouble(1), result.getDouble(2), result.getDouble(3), result.getDouble(4),
                      decode(result.getString(5))),
                  result.getString(6));
          merged = old.merge(entry.getValue());
        }
        bindAggregate(update, 1, merged);
        update.setLong(7, row.seriesKey());
        update.setInt(8, row.resolution());
        update.setLong(9, row.start());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Binds count, sum, minimum, maximum, sample and unit from parameter {@code first} on. */
  private static void bindAggregate(PreparedStatement statement, int first, Bucket bucket) throws SQLException {
    Aggregate a = bucket.aggregate();
    statement.setDouble(first, a.sampleCount());
    statement.setDouble(first + 1, a.sum());
    statement.setDouble(first + 2, a.minimum());
    statement.setDouble(first + 3, a.maximum());
    statement.setString(first + 4, encode(a.samples()));
    statement.setString(first + 5, bucket.unit());
  }

  /**
   * Sets the series' last_seen, creating the series when it is not stored (new, or forgotten after 63 days), and
   * returns its series_key (read again each time: another node may have forgotten and re-created the series).
   */
  private static long touchSeries(Tx tx, MetricKey key, String seriesId, Instant seenAt) {
    tx.update(
        "update monitoring_metric_series set last_seen = ? where series_id = ? and last_seen < ?",
        seenAt, seriesId, seenAt);
    Optional<Long> stored = seriesKey(tx, seriesId);
    if (stored.isPresent()) {
      return stored.get();
    }
    // two nodes creating one series: the loser's unique violation on series_id is retried and finds the row
    tx.update(
        "insert into monitoring_metric_series (series_id, namespace, metric_name, dimensions_json, last_seen)"
            + " values (?, ?, ?, ?, ?)",
        seriesId, key.namespace(), key.metricName(), json(key.dimensions()), seenAt);
    return seriesKey(tx, seriesId).orElseThrow();
  }

  private static Optional<Long> seriesKey(Tx tx, String seriesId) {
    return tx.queryOne(
        "select series_key from monitoring_metric_series where series_id = ?",
        row -> row.longValue("series_key"), seriesId);
  }

  @Override
  public List<Bucket> read(Resolution resolution, MetricKey key, long fromEpoch, long toEpoch) {
    if (fromEpoch >= toEpoch) {
      return List.of();
    }
    Known remembered = known.get(key);
    return jdbc.transaction(
        tx -> {
          Optional<Long> seriesKey =
              remembered != null ? Optional.of(remembered.seriesKey()) : seriesKey(tx, key.seriesId());
          return seriesKey.map(k -> select(tx, resolution, k, fromEpoch, toEpoch)).orElse(List.of());
        });
  }

  private static List<Bucket> select(Tx tx, Resolution resolution, long seriesKey, long from, long to) {
    return tx.query(
        "select bucket_start, sample_count, sum_value, min_value, max_value, samples, unit"
            + " from monitoring_metric_bucket where series_key = ? and resolution = ? and bucket_start >= ?"
            + " and bucket_start < ? order by bucket_start",
        row ->
            new Bucket(
                row.longValue("bucket_start"),
                new Aggregate(
                    number(row.string("sample_count")),
                    number(row.string("sum_value")),
                    number(row.string("min_value")),
                    number(row.string("max_value")),
                    decode(row.string("samples"))),
                row.string("unit")),
        seriesKey, resolution.seconds(), from, to);
  }

  @Override
  public List<MetricKey> find(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      Instant seenSince,
      String afterSeriesId,
      int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select series_id, namespace, metric_name, dimensions_json from monitoring_metric_series where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (namespace != null) {
      sql.append(" and namespace = ?");
      params.add(namespace);
    }
    if (metricName != null) {
      sql.append(" and metric_name = ?");
      params.add(metricName);
    }
    if (seenSince != null) {
      sql.append(" and last_seen >= ?");
      params.add(seenSince);
    }
    sql.append(" and series_id > ? order by series_id limit ?");
    int batch = Math.max(limit, 200);
    List<MetricKey> result = new ArrayList<>();
    String cursor = afterSeriesId == null ? "" : afterSeriesId;
    // dimension filters are applied in Java, so read in batches until the page is full or the table ends
    while (result.size() < limit) {
      List<Object> bound = new ArrayList<>(params);
      bound.add(cursor);
      bound.add(batch);
      List<String[]> rows =
          jdbc.query(
              sql.toString(),
              row ->
                  new String[] {
                    row.string("series_id"), row.string("namespace"), row.string("metric_name"),
                    row.string("dimensions_json")
                  },
              bound.toArray());
      for (String[] row : rows) {
        MetricKey key = MetricKey.of(row[1], row[2], dimensions(row[3]));
        if (key.matches(dimensions) && result.size() < limit) {
          result.add(key);
        }
        cursor = row[0];
      }
      if (rows.size() < batch) {
        break;
      }
    }
    return result;
  }

  @Override
  public boolean exists(MetricKey key) {
    if (known.containsKey(key)) {
      return true;
    }
    Optional<Long> stored = jdbc.transaction(tx -> seriesKey(tx, key.seriesId()));
    // not touched by this node yet: the next write sets last_seen
    stored.ifPresent(seriesKey -> known.putIfAbsent(key, new Known(seriesKey, Long.MIN_VALUE / 2)));
    return stored.isPresent();
  }

  @Override
  public long seriesCount() {
    return jdbc.transaction(tx -> tx.count("select count(*) from monitoring_metric_series"));
  }

  @Override
  public int expire(Resolution resolution, long beforeEpoch) {
    return jdbc.update(
        "delete from monitoring_metric_bucket where resolution = ? and bucket_start < ?",
        resolution.seconds(), beforeEpoch);
  }

  @Override
  public int forgetSeries(Instant cutoff) {
    // every node applies the same cutoff to the rows, so what this node remembers goes by the same rule
    long before = cutoff.getEpochSecond();
    known.values().removeIf(remembered -> remembered.touchedAt() < before);
    return jdbc.transaction(
        tx -> {
          tx.update(
              "delete from monitoring_metric_bucket where series_key in"
                  + " (select series_key from monitoring_metric_series where last_seen < ?)",
              cutoff);
          return tx.update("delete from monitoring_metric_series where last_seen < ?", cutoff);
        });
  }

  static String encode(double[] samples) {
    StringBuilder text = new StringBuilder();
    for (double sample : samples) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(sample);
    }
    return text.toString();
  }

  static double[] decode(String text) {
    if (text == null || text.isEmpty()) {
      return new double[0];
    }
    String[] parts = text.split(",");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Double.parseDouble(parts[i]);
    }
    return values;
  }

  // Row has no double accessor; both H2 and PostgreSQL render a double precision column as a parseable string
  static double number(String text) {
    return Double.parseDouble(text);
  }

  private static String json(Map<String, String> dimensions) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(dimensions));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> dimensions(String json) {
    try {
      return JSON.readValue(json, DIMENSIONS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored dimensions are not JSON", e);
    }
  }
}
