package dev.onair.it.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.monitoring.audit.AuditEvent;
import dev.onair.monitoring.audit.AuditQuery;
import dev.onair.monitoring.audit.Decision;
import dev.onair.monitoring.cloudwatch.MetricDataQuery;
import dev.onair.monitoring.cloudwatch.alarm.AlarmHistoryItem;
import dev.onair.monitoring.cloudwatch.alarm.AlarmState;
import dev.onair.monitoring.cloudwatch.alarm.HistoryQuery;
import dev.onair.monitoring.cloudwatch.alarm.MetricAlarm;
import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.Datapoint;
import dev.onair.monitoring.metrics.MetricDatum;
import dev.onair.monitoring.metrics.MetricIngest;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.MetricMaintenance;
import dev.onair.monitoring.metrics.MetricReader;
import dev.onair.monitoring.metrics.Resolution;
import dev.onair.monitoring.quotas.QuotaRequest;
import dev.onair.monitoring.quotas.QuotaStore;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.jdbc.monitoring.JdbcAlarmRepository;
import dev.onair.storage.jdbc.monitoring.JdbcAuditLog;
import dev.onair.storage.jdbc.monitoring.JdbcMetricStore;
import dev.onair.storage.jdbc.monitoring.JdbcQuotaStore;
import dev.onair.storage.jdbc.monitoring.JdbcTags;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitoring JDBC adapters against the embedded H2 database, with the real V400 migration. */
class MonitoringJdbcTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final MetricKey BITRATE = MetricKey.of("AWS/IVS", "IngestVideoBitrate", Map.of("Channel", "abc"));

  @TempDir Path dataDir;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void metricStore_writesAllTiersReadsPeriodsAndExpires() {
    JdbcMetricStore store = new JdbcMetricStore(database.jdbc());
    Clock clock = Clock.fixed(T0.plusSeconds(120), ZoneOffset.UTC);
    MetricIngest ingest = new MetricIngest(store, clock, 10);
    List<MetricDatum> data = new ArrayList<>();
    for (int s = 0; s < 120; s++) {
      data.add(new MetricDatum(BITRATE, T0.plusSeconds(s), Aggregate.of(2_500_000 + s), "Bits/Second"));
    }
    ingest.write(data.subList(0, 60));
    ingest.write(data.subList(60, 120));
    // a second write into existing buckets merges
    ingest.write(List.of(new MetricDatum(BITRATE, T0, Aggregate.of(0), "Bits/Second")));
    List<Datapoint> minutes = new MetricReader(store, clock).read(BITRATE, T0, T0.plusSeconds(120), 60, null);
    assertThat(minutes).hasSize(2);
    assertThat(minutes.get(0).aggregate().sampleCount()).isEqualTo(61);
    assertThat(minutes.get(0).aggregate().minimum()).isEqualTo(0);
    assertThat(minutes.get(1).aggregate().maximum()).isEqualTo(2_500_119);
    assertThat(minutes.get(0).aggregate().sampleSize()).isEqualTo(Aggregate.MAX_SAMPLES);
    assertThat(store.read(Resolution.SECOND, BITRATE, 0, Long.MAX_VALUE)).hasSize(120);
    assertThat(store.find("AWS/IVS", null, Map.of("Channel", "abc"), null, null, 10)).containsExactly(BITRATE);
    assertThat(store.find("AWS/IVS", null, Map.of("Channel", "zzz"), null, null, 10)).isEmpty();
    Clock later = Clock.fixed(T0.plus(Duration.ofHours(4)), ZoneOffset.UTC);
    new MetricMaintenance(store, later).run();
    assertThat(store.read(Resolution.SECOND, BITRATE, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(store.read(Resolution.MINUTE, BITRATE, 0, Long.MAX_VALUE)).hasSize(2);
    assertThat(store.seriesCount()).isEqualTo(1);
  }

  @Test
  void alarms_roundTripThroughJsonWithHistory() {
    JdbcAlarmRepository alarms = new JdbcAlarmRepository(database.jdbc());
    MetricAlarm alarm =
        new MetricAlarm(
            "live", "arn:aws:cloudwatch:us-west-2:123456789012:alarm:live", "desc", true, List.of("arn:ok"),
            List.of("arn:alarm"), List.of(), null, null, Map.of(), null, null, null, null, 2, 1, 0.5,
            "GreaterThanThreshold", "breaching", null,
            List.of(
                new MetricDataQuery("m1", BITRATE, 10, "Maximum", null, null, null, false),
                new MetricDataQuery("e1", null, 10, null, null, "m1 / 1000", "kbps", true)),
            null, AlarmState.INSUFFICIENT_DATA, "Unchecked", null, T0, T0, T0);
    alarms.save(alarm);
    alarms.save(alarm.withState(AlarmState.ALARM, "crossed", "{\"a\":1}", T0.plusSeconds(5)));
    MetricAlarm loaded = alarms.find("live").orElseThrow();
    assertThat(loaded.stateValue()).isEqualTo(AlarmState.ALARM);
    assertThat(loaded.metrics()).isEqualTo(alarm.metrics());
    assertThat(loaded.threshold()).isEqualTo(0.5);
    assertThat(alarms.count()).isEqualTo(1);
    alarms.addHistory(new AlarmHistoryItem("live", T0, "ConfigurationUpdate", "created", "{}"));
    alarms.addHistory(new AlarmHistoryItem("live", T0.plusSeconds(5), "StateUpdate", "to ALARM", "{}"));
    assertThat(alarms.history(new HistoryQuery("live", null, null, null, false, 0, 10)))
        .extracting(AlarmHistoryItem::summary)
        .containsExactly("to ALARM", "created");
    assertThat(alarms.history(new HistoryQuery(null, "StateUpdate", null, null, true, 0, 10))).hasSize(1);
    assertThat(alarms.delete("live")).isTrue();
    assertThat(alarms.find("live")).isEmpty();
  }

  @Test
  void quotasAndTags_persist() {
    JdbcQuotaStore quotas = new JdbcQuotaStore(database.jdbc());
    QuotaRequest request =
        new QuotaRequest("0123456789abcdef0123456789abcdef", "123456789012", "us-west-2", "ivs", "L-7A3B2C01", 3,
            "PENDING", T0, T0, "arn:aws:iam::123456789012:user/alice");
    quotas.saveRequest(request);
    quotas.saveRequest(request.withStatus("APPROVED", T0.plusSeconds(1)));
    assertThat(quotas.findRequest(request.id()).orElseThrow().status()).isEqualTo("APPROVED");
    assertThat(quotas.requests("123456789012", "us-west-2", "ivs", "L-7A3B2C01", null)).hasSize(1);
    quotas.saveApplied(new QuotaStore.AppliedQuota("123456789012", "us-west-2", "ivs", "L-7A3B2C01", 3));
    quotas.saveApplied(new QuotaStore.AppliedQuota("123456789012", "us-west-2", "ivs", "L-7A3B2C01", 4));
    assertThat(quotas.applied()).singleElement().extracting(QuotaStore.AppliedQuota::value).isEqualTo(4.0);

    JdbcTags tags = new JdbcTags(database.jdbc());
    tags.put("arn:x", Map.of("a", "1", "b", "2"));
    tags.put("arn:x", Map.of("a", "3"));
    tags.remove("arn:x", List.of("b"));
    assertThat(tags.get("arn:x")).containsExactly(Map.entry("a", "3"));
  }

  @Test
  void auditLog_looksUpByAttributeAndPages() {
    JdbcAuditLog log = new JdbcAuditLog(database.jdbc());
    String channel = "arn:aws:ivs:us-west-2:123456789012:channel/abcd_1234";
    for (int i = 0; i < 5; i++) {
      log.record(event("ev-" + i, T0.plusSeconds(i), "ivs:GetChannel", List.of(channel), Decision.ALLOW, null));
    }
    log.record(event("ev-9", T0.plusSeconds(9), "ivs:DeleteChannel", List.of(channel), Decision.DENY, "AccessDeniedException"));
    log.record(event("ev-8", T0.plusSeconds(8), "ivs:DeleteChannel", List.of("arn:aws:ivs:us-west-2:123456789012:channel/abcdX1234"), Decision.ALLOW, null));
    List<AuditEvent> denied = log.lookup(query("EventName", "DeleteChannel", null, null, 10));
    assertThat(denied).extracting(AuditEvent::eventId).containsExactly("ev-9", "ev-8");
    assertThat(denied.get(0).decision()).isEqualTo(Decision.DENY);
    assertThat(denied.get(0).resources()).containsExactly(channel);
    // '_' in the name must not act as a LIKE wildcard
    assertThat(log.lookup(query("ResourceName", "abcd_1234", null, null, 10))).hasSize(6);
    assertThat(log.lookup(query("ReadOnly", "true", null, null, 10))).hasSize(5);
    List<AuditEvent> page1 = log.lookup(query(null, null, null, null, 3));
    AuditEvent last = page1.get(2);
    List<AuditEvent> page2 = log.lookup(query(null, null, last.time(), last.eventId(), 10));
    assertThat(page1.size() + page2.size()).isEqualTo(7);
    assertThat(page2).extracting(AuditEvent::eventId).doesNotContainAnyElementsOf(page1.stream().map(AuditEvent::eventId).toList());
    assertThat(log.expire(T0.plusSeconds(3))).isEqualTo(3);
  }

  /** Sizes around the multi-row insert's group (50 rows): groups only, the rest only, both, and nulls in rows. */
  @Test
  void auditLog_recordAllWritesEveryEventWhateverTheBatchSize() {
    JdbcAuditLog log = new JdbcAuditLog(database.jdbc());
    String channel = "arn:aws:ivs:us-west-2:123456789012:channel/abcd1234";
    int written = 0;
    for (int size : new int[] {1, 49, 50, 51, 100, 123}) {
      List<AuditEvent> batch = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        int n = written + i;
        String error = n % 7 == 0 ? "ResourceNotFoundException" : null;
        batch.add(event(String.format("ev-%05d", n), T0.plusMillis(n), "ivs:GetChannel",
            n % 3 == 0 ? List.of() : List.of(channel), Decision.ALLOW, error));
      }
      log.recordAll(batch);
      written += size;
    }
    List<AuditEvent> all = log.lookup(query(null, null, null, null, 1000));
    assertThat(all).hasSize(written);
    for (int i = 0; i < written; i++) {
      int n = written - 1 - i; // newest first
      AuditEvent event = all.get(i);
      assertThat(event.eventId()).isEqualTo(String.format("ev-%05d", n));
      assertThat(event.time()).isEqualTo(T0.plusMillis(n));
      assertThat(event.requestId()).isEqualTo("req-" + event.eventId());
      assertThat(event.resources()).isEqualTo(n % 3 == 0 ? List.of() : List.of(channel));
      assertThat(event.errorCode()).isEqualTo(n % 7 == 0 ? "ResourceNotFoundException" : null);
      assertThat(event.errorMessage()).isEqualTo(n % 7 == 0 ? "User: alice is not authorized" : null);
      assertThat(event.userAgent()).isEqualTo("aws-cli/1");
    }
    assertThat(log.lookup(query("EventName", "GetChannel", null, null, 1000))).hasSize(written);
    assertThat(log.lookup(query("ReadOnly", "true", null, null, 1000))).hasSize(written);
  }

  private static AuditQuery query(String key, String value, Instant afterTime, String afterId, int limit) {
    return new AuditQuery("123456789012", key, value, null, null, afterTime, afterId, limit);
  }

  private static AuditEvent event(String id, Instant time, String action, List<String> resources, Decision decision, String error) {
    return new AuditEvent(
        id, time, "req-" + id, "123456789012", "arn:aws:iam::123456789012:user/alice", "AIDAALICE", "IAMUser",
        "alice", "AKIAALICE", action, resources, "192.0.2.1", "aws-cli/1", "us-west-2", decision, error,
        error == null ? null : "User: alice is not authorized");
  }
}
