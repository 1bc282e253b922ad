package dev.onair.storage.jdbc.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.protocol.Secret;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V210 on an installation that already has IVS resources: the counters start equal to the rows, both when V210
 * follows V200 and when it arrives after later migrations were applied (out of order), and quotas then hold.
 */
abstract class ResourceUsageMigrationContract {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String A = "111111111111";
  private static final String B = "222222222222";

  @TempDir Path dataDir;

  /** A new, empty database of this dialect. */
  abstract void createDatabase(Path dataDir);

  /** The JDBC URL, user and password of that database, for Flyway and plain JDBC. */
  abstract String[] jdbc();

  abstract DatabaseSettings settings();

  @Test
  void v210AfterV200_countsTheExistingRows() throws SQLException {
    createDatabase(dataDir);
    String[] jdbc = jdbc();
    Flyway.configure().dataSource(jdbc[0], jdbc[1], jdbc[2]).locations("classpath:db/migration").target("200")
        .load().migrate();
    insertResources();
    try (Database database = Database.open(settings())) {
      assertCountersMatchTheRows(database);
    }
  }

  @Test
  void v210AfterLaterMigrations_isAppliedOutOfOrder_andCountsTheExistingRows() throws SQLException {
    createDatabase(dataDir);
    try (Database database = Database.open(settings())) {
      database.jdbc().transactionVoid(tx -> {
        // An installation from before V210: every other migration applied, V210 neither run nor recorded.
        tx.update("drop table ivs_resource_usage");
        tx.update("delete from flyway_schema_history where version = '210'");
      });
    }
    insertResources();
    try (Database database = Database.open(settings())) {
      long applied = database.jdbc().transaction(tx -> tx.count(
          "select count(*) from flyway_schema_history where version = '210' and success"));
      assertThat(applied).isEqualTo(1);
      assertCountersMatchTheRows(database);
    }
  }

  private void insertResources() throws SQLException {
    String[] jdbc = jdbc();
    try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
        Statement sql = connection.createStatement()) {
      for (String[] channel : new String[][] {
          {A, "us-west-2", "a1"}, {A, "us-west-2", "a2"}, {A, "us-west-2", "a3"}, {A, "eu-west-1", "a4"},
          {B, "us-west-2", "b1"}, {B, "us-west-2", "b2"}}) {
        sql.executeUpdate("insert into ivs_channel (arn, account_id, region, name, latency_mode, channel_type,"
            + " recording_configuration_arn, authorized, insecure_ingest, preset, playback_restriction_policy_arn,"
            + " multitrack_enabled, multitrack_policy, multitrack_maximum_resolution, container_format, created_at)"
            + " values ('" + arn(channel[0], channel[1], "channel/" + channel[2]) + "', '" + channel[0] + "', '"
            + channel[1] + "', 'n', 'LOW', 'STANDARD', '', true, false, '', '', false, 'ALLOW', 'FULL_HD', 'TS',"
            + " timestamp with time zone '2026-01-02 03:04:05+00')");
      }
      for (String id : new String[] {"r1", "r2"}) {
        sql.executeUpdate("insert into ivs_recording_configuration (arn, account_id, region, name, bucket_name,"
            + " state, thumbnail_recording_mode, thumbnail_interval_seconds, thumbnail_storage,"
            + " reconnect_window_seconds, rendition_selection, renditions, created_at) values ('"
            + arn(A, "us-west-2", "recording-configuration/" + id) + "', '" + A + "', 'us-west-2', 'n', 'bucket',"
            + " 'ACTIVE', 'INTERVAL', 60, 'SEQUENTIAL', 0, 'ALL', '', timestamp with time zone '2026-01-02 03:04:05+00')");
      }
      sql.executeUpdate("insert into ivs_playback_key_pair (arn, account_id, region, name, fingerprint,"
          + " public_key_pem, created_at) values ('" + arn(B, "us-west-2", "playback-key/k1") + "', '" + B
          + "', 'us-west-2', 'n', 'fp', 'pem', timestamp with time zone '2026-01-02 03:04:05+00')");
      sql.executeUpdate("insert into ivs_playback_restriction_policy (arn, account_id, region, name,"
          + " allowed_countries, allowed_origins, enable_strict_origin_enforcement, created_at) values ('"
          + arn(A, "eu-west-1", "playback-restriction-policy/p1") + "', '" + A
          + "', 'eu-west-1', 'n', '', '', false, timestamp with time zone '2026-01-02 03:04:05+00')");
    }
  }

  private void assertCountersMatchTheRows(Database database) {
    JdbcIvsRepositories ivs = JdbcIvsRepositories.create(database.jdbc(), SecretCipher.load(dataDir, null));
    assertThat(ivs.channels().count(A, "us-west-2")).isEqualTo(3);
    assertThat(ivs.channels().count(A, "eu-west-1")).isEqualTo(1);
    assertThat(ivs.channels().count(B, "us-west-2")).isEqualTo(2);
    assertThat(ivs.channels().count(B, "eu-west-1")).isZero();
    assertThat(ivs.recordingConfigurations().count(A, "us-west-2")).isEqualTo(2);
    assertThat(ivs.playbackKeyPairs().count(B, "us-west-2")).isEqualTo(1);
    assertThat(ivs.playbackRestrictionPolicies().count(A, "eu-west-1")).isEqualTo(1);

    // The migrated counter is the one quotas use from now on.
    assertThat(create(ivs, A, "us-west-2", "a5")).isFalse();
    assertThat(create(ivs, A, "eu-west-1", "a6")).isTrue();
    assertThat(ivs.channels().delete(arn(A, "us-west-2", "channel/a1"))).isTrue();
    assertThat(create(ivs, A, "us-west-2", "a5")).isTrue();
    assertThat(ivs.channels().count(A, "us-west-2")).isEqualTo(3);
    assertThat(ivs.channels().count(A, "eu-west-1")).isEqualTo(2);
  }

  private static String arn(String account, String region, String resource) {
    return "arn:aws:ivs:" + region + ":" + account + ":" + resource;
  }

  /** CreateChannel's write with a quota of 3 channels per account and region. */
  private static boolean create(JdbcIvsRepositories ivs, String account, String region, String id) {
    Channel channel = new Channel(arn(account, region, "channel/" + id), id, "LOW", "STANDARD", "", true, false, "",
        "", MultitrackInputConfiguration.DISABLED, "TS", NOW);
    StreamKey key = new StreamKey(arn(account, region, "stream-key/" + id), channel.arn(),
        Secret.of("sk_" + region + "_" + id + "_0123456789abcdefghijklmnopqrstuv"), NOW);
    return ivs.channels().createWithinLimit(channel, key, Map.of(), 3);
  }
}
