package dev.onair.storage.jdbc.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.Jdbc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * A counter made wrong, then the file either copied while the database is open (what a SIGKILL leaves: no
 * clean-shutdown mark; see EmbeddedFileRecoveryTest) or closed cleanly. {@link Database#open} recounts only the
 * former: every counter equals its rows and one WARN line names each corrected one; a clean file keeps even a
 * wrong counter, which proves the recount is tied to the unclean stop.
 */
class ResourceUsageRecountTest {
  private static final String A = "111111111111";
  private static final String B = "222222222222";
  /** The fixture's rows per account/region/type: what every counter must say after a recount. */
  private static final Map<String, Long> ROWS = Map.of(
      A + "/us-west-2/channel", 3L, A + "/eu-west-1/channel", 1L, B + "/us-west-2/channel", 2L,
      A + "/us-west-2/recording-configuration", 2L, B + "/us-west-2/playback-key-pair", 1L,
      A + "/eu-west-1/playback-restriction-policy", 1L);

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(ResourceUsageRecount.class)).addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    ((Logger) LoggerFactory.getLogger(ResourceUsageRecount.class)).detachAppender(log);
  }

  static Stream<Arguments> wrongCounters() {
    String where = " where account_id = '%s' and region = '%s' and resource_type = '%s'";
    return Stream.of(
        Arguments.of("none wrong", List.of(), List.of()),
        Arguments.of("too low (a create's row without its increment)",
            List.of("update ivs_resource_usage set used = 2" + where.formatted(A, "us-west-2", "channel")),
            List.of("channel of account " + A + " in us-west-2 did not match its rows after an unclean stop: 2 -> 3")),
        Arguments.of("too high",
            List.of("update ivs_resource_usage set used = 5" + where.formatted(B, "us-west-2", "playback-key-pair")),
            List.of("playback-key-pair of account " + B + " in us-west-2 did not match its rows after an unclean"
                + " stop: 5 -> 1")),
        Arguments.of("negative",
            List.of("update ivs_resource_usage set used = -1"
                + where.formatted(A, "us-west-2", "recording-configuration")),
            List.of("recording-configuration of account " + A + " in us-west-2 did not match its rows after an"
                + " unclean stop: -1 -> 2")),
        Arguments.of("row missing",
            List.of("delete from ivs_resource_usage"
                + where.formatted(A, "eu-west-1", "playback-restriction-policy")),
            List.of("playback-restriction-policy of account " + A + " in eu-west-1 did not match its rows after an"
                + " unclean stop: missing -> 1")),
        Arguments.of("a scope without rows",
            List.of("insert into ivs_resource_usage values ('" + B + "', 'eu-west-1', 'channel', 1)"),
            List.of("channel of account " + B + " in eu-west-1 did not match its rows after an unclean stop:"
                + " 1 -> 0")),
        Arguments.of("two at once",
            List.of("update ivs_resource_usage set used = 0" + where.formatted(B, "us-west-2", "channel"),
                "update ivs_resource_usage set used = 4" + where.formatted(A, "eu-west-1", "channel")),
            List.of("channel of account " + A + " in eu-west-1 did not match its rows after an unclean stop: 4 -> 1",
                "channel of account " + B + " in us-west-2 did not match its rows after an unclean stop: 0 -> 2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongCounters")
  void uncleanStop_countersEqualTheRowsAfterOpen(String name, List<String> corrupt, List<String> warnings)
      throws Exception {
    Path live = dir.resolve("live");
    Path crashImage = dir.resolve("crash");
    Map<String, Long> wrong;
    try (Database database = Database.open(DatabaseSettings.embedded(live))) {
      insertFixture(database.jdbc());
      corrupt.forEach(sql -> database.jdbc().update(sql));
      wrong = counters(database.jdbc());
      Files.createDirectories(crashImage.resolve("db"));
      Files.copy(live.resolve("db").resolve("onair.mv.db"), crashImage.resolve("db").resolve("onair.mv.db"));
    }
    assertThat(log.list).isEmpty();

    try (Database database = Database.open(DatabaseSettings.embedded(crashImage))) {
      assertThat(counters(database.jdbc())).isEqualTo(new TreeMap<>(ROWS));
    }
    assertThat(log.list).allSatisfy(event -> assertThat(event.getLevel().toString()).isEqualTo("WARN"))
        .extracting(ILoggingEvent::getFormattedMessage)
        .map(line -> line.substring("IVS quota counter ".length()))
        .containsExactlyInAnyOrderElementsOf(warnings);

    // The live copy was closed cleanly: reopening it leaves the wrong counters as they are.
    try (Database database = Database.open(DatabaseSettings.embedded(live))) {
      assertThat(counters(database.jdbc())).isEqualTo(wrong);
    }
    assertThat(log.list).hasSize(warnings.size());
  }

  /** Non-zero counters as account/region/type → used. */
  private static Map<String, Long> counters(Jdbc jdbc) {
    Map<String, Long> counters = new TreeMap<>();
    jdbc.query("select account_id, region, resource_type, used from ivs_resource_usage where used <> 0",
            row -> Map.entry(row.string("account_id") + "/" + row.string("region") + "/"
                + row.string("resource_type"), row.longValue(4)))
        .forEach(counter -> counters.put(counter.getKey(), counter.getValue()));
    return counters;
  }

  /** The rows of {@link #ROWS}, with counters filled the way V210 fills them (so they start right). */
  private static void insertFixture(Jdbc jdbc) {
    jdbc.transactionVoid(tx -> {
      for (String[] channel : new String[][] {
          {A, "us-west-2", "a1"}, {A, "us-west-2", "a2"}, {A, "us-west-2", "a3"}, {A, "eu-west-1", "a4"},
          {B, "us-west-2", "b1"}, {B, "us-west-2", "b2"}}) {
        tx.update("insert into ivs_channel (arn, account_id, region, name, latency_mode, channel_type,"
            + " recording_configuration_arn, authorized, insecure_ingest, preset, playback_restriction_policy_arn,"
            + " multitrack_enabled, multitrack_policy, multitrack_maximum_resolution, container_format, created_at)"
            + " values (?, ?, ?, 'n', 'LOW', 'STANDARD', '', true, false, '', '', false, 'ALLOW', 'FULL_HD', 'TS',"
            + " timestamp with time zone '2026-01-02 03:04:05+00')",
            arn(channel[0], channel[1], "channel/" + channel[2]), channel[0], channel[1]);
      }
      for (String id : new String[] {"r1", "r2"}) {
        tx.update("insert into ivs_recording_configuration (arn, account_id, region, name, bucket_name,"
            + " state, thumbnail_recording_mode, thumbnail_interval_seconds, thumbnail_storage,"
            + " reconnect_window_seconds, rendition_selection, renditions, created_at) values (?, ?, 'us-west-2',"
            + " 'n', 'bucket', 'ACTIVE', 'INTERVAL', 60, 'SEQUENTIAL', 0, 'ALL', '',"
            + " timestamp with time zone '2026-01-02 03:04:05+00')",
            arn(A, "us-west-2", "recording-configuration/" + id), A);
      }
      tx.update("insert into ivs_playback_key_pair (arn, account_id, region, name, fingerprint, public_key_pem,"
          + " created_at) values (?, ?, 'us-west-2', 'n', 'fp', 'pem',"
          + " timestamp with time zone '2026-01-02 03:04:05+00')", arn(B, "us-west-2", "playback-key/k1"), B);
      tx.update("insert into ivs_playback_restriction_policy (arn, account_id, region, name, allowed_countries,"
          + " allowed_origins, enable_strict_origin_enforcement, created_at) values (?, ?, 'eu-west-1', 'n', '',"
          + " '', false, timestamp with time zone '2026-01-02 03:04:05+00')",
          arn(A, "eu-west-1", "playback-restriction-policy/p1"), A);
      for (String[] fill : new String[][] {
          {"channel", "ivs_channel"}, {"recording-configuration", "ivs_recording_configuration"},
          {"playback-key-pair", "ivs_playback_key_pair"},
          {"playback-restriction-policy", "ivs_playback_restriction_policy"}}) {
        tx.update("insert into ivs_resource_usage (account_id, region, resource_type, used) select account_id,"
            + " region, '" + fill[0] + "', count(*) from " + fill[1] + " group by account_id, region");
      }
    });
    assertThat(counters(jdbc)).isEqualTo(new TreeMap<>(ROWS));
  }

  private static String arn(String account, String region, String resource) {
    return "arn:aws:ivs:" + region + ":" + account + ":" + resource;
  }
}
