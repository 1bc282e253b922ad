package dev.onair.bench;

import dev.onair.monitoring.audit.AuditEvent;
import dev.onair.monitoring.audit.Decision;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.jdbc.monitoring.JdbcAuditLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the audit writer costs per event: {@link JdbcAuditLog#recordAll} in batches, as {@code BatchingAuditLog}'s
 * writer calls it, against a fresh embedded store (H2, durable commits), time-ordered event ids like the server's.
 * Prints the writer thread's CPU and wall time per event for each round, optionally with the three attribute
 * indexes that V420 dropped put back, for the before/after comparison in docs/BENCHMARKS.md.
 *
 * <pre>
 * java -cp bench/target/onair-bench.jar:bench/target/lib/* dev.onair.bench.AuditWriteCost \
 *     [--events 30000] [--batch 200] [--rounds 3] [--attribute-indexes]
 * </pre>
 */
public final class AuditWriteCost {
  private static final String[] OPERATIONS = {"GetChannel", "GetUser", "ListChannels", "CreateChannel", "GetStream"};

  private AuditWriteCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ApiLoad.options(args);
    int events = Integer.parseInt(options.getOrDefault("events", "30000"));
    int batchSize = Integer.parseInt(options.getOrDefault("batch", "200"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    boolean attributeIndexes = options.containsKey("attribute-indexes");
    Path dir = Files.createTempDirectory("onair-audit-cost");
    try (Database database = Database.open(DatabaseSettings.embedded(dir))) {
      if (attributeIndexes) {
        // the layout before V420
        database.jdbc().update("create index monitoring_audit_event_name on monitoring_audit_event (event_name, event_time)");
        database.jdbc().update("create index monitoring_audit_event_user on monitoring_audit_event (user_name, event_time)");
        database.jdbc().update("create index monitoring_audit_event_key on monitoring_audit_event (access_key_id, event_time)");
      }
      JdbcAuditLog log = new JdbcAuditLog(database.jdbc());
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long sequence = 0;
      for (int round = 0; round < rounds; round++) {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        for (int written = 0; written < events; written += batchSize) {
          List<AuditEvent> batch = new ArrayList<>(batchSize);
          for (int i = 0; i < batchSize; i++) {
            Instant now = Instant.now();
            sequence++;
            batch.add(new AuditEvent(String.format("%036d", sequence), now, "request-" + sequence, "123456789012",
                "arn:aws:iam::123456789012:user/bench", "AIDAONAIRBENCH", "IAMUser", "bench",
                "AKIAONAIRBENCHADMIN1", "ivs:" + OPERATIONS[i % OPERATIONS.length],
                List.of("arn:aws:ivs:us-east-1:123456789012:channel/abcdefghijkl"), "127.0.0.1", "bench/1.0",
                "us-east-1", Decision.ALLOW, null, null));
          }
          log.recordAll(batch);
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e3 / events;
        double wall = (System.nanoTime() - wallBefore) / 1e3 / events;
        System.out.printf("{\"indexes\":\"%s\",\"round\":%d,\"events\":%d,\"batch\":%d,"
                + "\"writer_cpu_us_per_event\":%.1f,\"wall_us_per_event\":%.1f}%n",
            attributeIndexes ? "pk+time+3 attribute" : "pk+time", round, events, batchSize, cpu, wall);
      }
    }
  }
}
