package dev.onair.storage.jdbc.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.Bucket;
import dev.onair.monitoring.metrics.BucketWrite;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.Resolution;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V430 converts stored bucket rows from series_id to series_key: an installation with V400-shaped data is migrated
 * and then read and written through {@link JdbcMetricStore}, on the embedded store and on PostgreSQL.
 */
class SeriesKeyMigrationTest {
  private static final Instant SEEN = Instant.parse("2026-11-30T10:00:00Z");
  private static final MetricKey BITRATE = MetricKey.of("AWS/IVS", "IngestBitrate", Map.of("Channel", "abc"));
  private static final MetricKey VIEWS = MetricKey.of("AWS/IVS", "ConcurrentViews", Map.of());
  private static final MetricKey NEW = MetricKey.of("Custom", "Latency", Map.of("Service", "x"));
  /** A bucket whose series row was already forgotten: unreadable before, not carried over. */
  private static final String ORPHAN = "f".repeat(64);

  /** One V400 bucket row: series, resolution, start, count, sum, min, max, samples, unit. */
  private record OldRow(String seriesId, int resolution, long start, double count, double sum, double min,
      double max, String samples, String unit) {}

  private static final List<OldRow> OLD_ROWS =
      List.of(
          new OldRow(BITRATE.seriesId(), 1, 1000, 1, 2_300_000, 2_300_000, 2_300_000, "2300000.0", "Bits/Second"),
          new OldRow(BITRATE.seriesId(), 1, 1001, 2, 5, 2, 3, "2.0,3.0", "Bits/Second"),
          new OldRow(BITRATE.seriesId(), 60, 960, 3, 9, 2, 4, "2.0,3.0,4.0", "Bits/Second"),
          new OldRow(BITRATE.seriesId(), 300, 900, 3, 9, 2, 4, "2.0,3.0,4.0", "Bits/Second"),
          new OldRow(VIEWS.seriesId(), 1, 1000, 1, 7, 7, 7, "7.0", "Count"),
          new OldRow(VIEWS.seriesId(), 60, 960, 5, 10, 1, 3, "", "None"),
          new OldRow(ORPHAN, 1, 1000, 1, 1, 1, 1, "1.0", "Count"));

  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void v430_carriesEveryReadableBucketOverToItsSeriesKey(String backend) throws SQLException {
    String jdbcUrl;
    String user;
    DatabaseSettings settings;
    if (backend.equals("h2")) {
      jdbcUrl =
          "jdbc:h2:file:" + dataDir.resolve("db/onair").toAbsolutePath()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
      user = "onair";
      settings = DatabaseSettings.embedded(dataDir);
    } else {
      PostgresCluster cluster = PostgresCluster.shared();
      String url = cluster.createEmptyDatabase();
      jdbcUrl = cluster.jdbcUrl(url.substring(url.lastIndexOf('/') + 1));
      user = null;
      settings = new DatabaseSettings(dataDir, url, 2);
    }
    Flyway.configure().dataSource(jdbcUrl, user, "").locations("classpath:db/migration").target("420").load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "")) {
      insertOldRows(connection);
    }

    try (Database database = Database.open(settings)) {
      List<String> converted =
          database.jdbc().query(
              "select s.series_id, b.resolution, b.bucket_start, b.sample_count, b.sum_value, b.min_value,"
                  + " b.max_value, b.samples, b.unit from monitoring_metric_bucket b join monitoring_metric_series s"
                  + " on s.series_key = b.series_key order by s.series_id, b.resolution, b.bucket_start",
              row -> String.join("|", row.string("series_id"), row.string("resolution"),
                  row.string("bucket_start"), number(row.string("sample_count")), number(row.string("sum_value")),
                  number(row.string("min_value")), number(row.string("max_value")), row.string("samples"),
                  row.string("unit")));
      List<String> expected = new ArrayList<>();
      OLD_ROWS.stream()
          .filter(old -> !old.seriesId().equals(ORPHAN))
          .sorted((a, b) -> (a.seriesId() + a.resolution() + "/" + a.start())
              .compareTo(b.seriesId() + b.resolution() + "/" + b.start()))
          .forEach(old -> expected.add(String.join("|", old.seriesId(), String.valueOf(old.resolution()),
              String.valueOf(old.start()), number(old.count()), number(old.sum()), number(old.min()),
              number(old.max()), old.samples(), old.unit())));
      assertThat(converted).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(database.jdbc().query("select count(*) as n from monitoring_metric_bucket",
          row -> row.longValue("n"))).containsExactly(6L);

      JdbcMetricStore store = new JdbcMetricStore(database.jdbc());
      assertThat(store.exists(BITRATE)).isTrue();
      assertThat(store.read(Resolution.SECOND, BITRATE, 1000, 1002))
          .extracting(Bucket::start, bucket -> bucket.aggregate().sum(), Bucket::unit)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1000L, 2_300_000.0, "Bits/Second"),
              org.assertj.core.groups.Tuple.tuple(1001L, 5.0, "Bits/Second"));
      assertThat(store.read(Resolution.SECOND, BITRATE, 1001, 1002).get(0).aggregate().samples())
          .containsExactly(2.0, 3.0);

      // writes after the migration: into a converted series (merged) and a new series (a fresh, unused key)
      store.mergeAll(
          List.of(
              new BucketWrite(BITRATE, Resolution.SECOND, new Bucket(1001, Aggregate.of(4), "Bits/Second")),
              new BucketWrite(NEW, Resolution.SECOND, new Bucket(1001, Aggregate.of(8), "Milliseconds"))),
          SEEN);
      assertThat(store.read(Resolution.SECOND, BITRATE, 1001, 1002).get(0).aggregate().sum()).isEqualTo(9.0);
      assertThat(store.read(Resolution.SECOND, NEW, 1000, 1002)).hasSize(1);
      List<Long> keys =
          database.jdbc().query("select series_key from monitoring_metric_series", row -> row.longValue("series_key"));
      Set<Long> distinct = new HashSet<>(keys);
      assertThat(keys).hasSize(3).doesNotContainNull();
      assertThat(distinct).hasSize(3);
    }
  }

  private static void insertOldRows(Connection connection) throws SQLException {
    try (PreparedStatement series =
        connection.prepareStatement(
            "insert into monitoring_metric_series (series_id, namespace, metric_name, dimensions_json, last_seen)"
                + " values (?, ?, ?, ?, ?)")) {
      for (MetricKey key : List.of(BITRATE, VIEWS)) {
        series.setString(1, key.seriesId());
        series.setString(2, key.namespace());
        series.setString(3, key.metricName());
        series.setString(4, key.dimensions().isEmpty() ? "{}" : "{\"Channel\":\"abc\"}");
        series.setTimestamp(5, Timestamp.from(SEEN));
        series.addBatch();
      }
      series.executeBatch();
    }
    try (PreparedStatement bucket =
        connection.prepareStatement("insert into monitoring_metric_bucket (series_id, resolution, bucket_start,"
            + " sample_count, sum_value, min_value, max_value, samples, unit) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (OldRow old : OLD_ROWS) {
        bucket.setString(1, old.seriesId());
        bucket.setInt(2, old.resolution());
        bucket.setLong(3, old.start());
        bucket.setDouble(4, old.count());
        bucket.setDouble(5, old.sum());
        bucket.setDouble(6, old.min());
        bucket.setDouble(7, old.max());
        bucket.setString(8, old.samples());
        bucket.setString(9, old.unit());
        bucket.addBatch();
      }
      bucket.executeBatch();
    }
    try (ResultSet count = connection.createStatement().executeQuery("select count(*) from monitoring_metric_bucket")) {
      count.next();
      assertThat(count.getLong(1)).isEqualTo(OLD_ROWS.size());
    }
  }

  private static String number(String text) {
    return number(Double.parseDouble(text));
  }

  private static String number(double value) {
    return Double.toString(value);
  }
}
