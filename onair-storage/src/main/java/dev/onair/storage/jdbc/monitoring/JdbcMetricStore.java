package dev.onair.storage.jdbc.monitoring;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.Bucket;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.MetricStore;
import dev.onair.monitoring.metrics.Resolution;
import dev.onair.storage.DataAccessException;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metric buckets in the database. A merge reads the buckets it touches, combines them in Java (the bounded
 * sample needs it) and writes them back in one transaction; two writers racing to create the same bucket make
 * one of them hit the primary key, and that one retries once, by which time the row exists.
 */
public final class JdbcMetricStore implements MetricStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> DIMENSIONS = new TypeReference<>() {};

  private final Jdbc jdbc;

  public JdbcMetricStore(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void merge(Resolution resolution, MetricKey key, List<Bucket> buckets, Instant seenAt) {
    if (buckets.isEmpty()) {
      return;
    }
    try {
      jdbc.transactionVoid(tx -> mergeIn(tx, resolution, key, buckets, seenAt));
    } catch (DataAccessException e) {
      if (!e.isUniqueViolation()) {
        throw e;
      }
      jdbc.transactionVoid(tx -> mergeIn(tx, resolution, key, buckets, seenAt));
    }
  }

  private static void mergeIn(Tx tx, Resolution resolution, MetricKey key, List<Bucket> buckets, Instant seenAt) {
    String seriesId = key.seriesId();
    touchSeries(tx, key, seriesId, seenAt);
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (Bucket bucket : buckets) {
      from = Math.min(from, bucket.start());
      to = Math.max(to, bucket.start());
    }
    Map<Long, Bucket> existing = new HashMap<>();
    for (Bucket bucket : select(tx, resolution, seriesId, from, to + 1)) {
      existing.put(bucket.start(), bucket);
    }
    for (Bucket bucket : buckets) {
      Bucket old = existing.get(bucket.start());
      if (old == null) {
        Aggregate a = bucket.aggregate();
        tx.update(
            "insert into monitoring_metric_bucket (series_id, resolution, bucket_start, sample_count, sum_value,"
                + " min_value, max_value, samples, unit) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            seriesId, resolution.seconds(), bucket.start(), a.sampleCount(), a.sum(), a.minimum(), a.maximum(),
            encode(a.samples()), bucket.unit());
        existing.put(bucket.start(), bucket);
      } else {
        Bucket merged = old.merge(bucket);
        Aggregate a = merged.aggregate();
        tx.update(
            "update monitoring_metric_bucket set sample_count = ?, sum_value = ?, min_value = ?, max_value = ?,"
                + " samples = ?, unit = ? where series_id = ? and resolution = ? and bucket_start = ?",
            a.sampleCount(), a.sum(), a.minimum(), a.maximum(), encode(a.samples()), merged.unit(), seriesId,
            resolution.seconds(), bucket.start());
        existing.put(bucket.start(), merged);
      }
    }
  }

  private static void touchSeries(Tx tx, MetricKey key, String seriesId, Instant seenAt) {
    int updated =
        tx.update(
            "update monitoring_metric_series set last_seen = ? where series_id = ? and last_seen < ?",
            seenAt, seriesId, seenAt);
    if (updated == 0 && !tx.exists("select 1 from monitoring_metric_series where series_id = ?", seriesId)) {
      tx.update(
          "insert into monitoring_metric_series (series_id, namespace, metric_name, dimensions_json, last_seen)"
              + " values (?, ?, ?, ?, ?)",
          seriesId, key.namespace(), key.metricName(), json(key.dimensions()), seenAt);
    }
  }

  @Override
  public List<Bucket> read(Resolution resolution, MetricKey key, long fromEpoch, long toEpoch) {
    if (fromEpoch >= toEpoch) {
      return List.of();
    }
    return jdbc.transaction(tx -> select(tx, resolution, key.seriesId(), fromEpoch, toEpoch));
  }

  private static List<Bucket> select(Tx tx, Resolution resolution, String seriesId, long from, long to) {
    return tx.query(
        "select bucket_start, sample_count, sum_value, min_value, max_value, samples, unit"
            + " from monitoring_metric_bucket where series_id = ? and resolution = ? and bucket_start >= ?"
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
        seriesId, resolution.seconds(), from, to);
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
    return jdbc.transaction(
        tx -> tx.exists("select 1 from monitoring_metric_series where series_id = ?", key.seriesId()));
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
    return jdbc.transaction(
        tx -> {
          tx.update(
              "delete from monitoring_metric_bucket where series_id in"
                  + " (select series_id from monitoring_metric_series where last_seen < ?)",
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
