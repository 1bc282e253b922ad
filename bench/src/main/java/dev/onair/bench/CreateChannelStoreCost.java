package dev.onair.bench;

import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.protocol.Secret;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.jdbc.ivs.JdbcIvsRepositories;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What CreateChannel's one durable transaction costs the embedded store, without HTTP, SigV4 or the machine's
 * scheduling in the figure: {@code createWithinLimit} (channel, stream key encrypted with AES-GCM, the quota slot)
 * exactly as the server calls it, random ids from {@link IdGenerator}, on a fresh H2 file with durable commits, from
 * N threads. With {@code WRITE_DELAY=0} every commit serialises and writes its chunk on the committing thread, so
 * the workers' own CPU time is the create's whole cost in the store; the bytes written come from {@code
 * /proc/self/io}. Options put back what V220 dropped ({@code --reference-indexes}) or open the file with extra H2
 * settings first ({@code --h2 ";PAGE_SIZE=2048"}: the first connection's settings are the database's), for the
 * A/B comparisons of docs/BENCHMARKS.md "CreateChannel (session 4)".
 *
 * <pre>
 * java -cp bench/target/onair-bench.jar:bench/target/lib/* dev.onair.bench.CreateChannelStoreCost \
 *     [--clients 8] [--preload 20000] [--creates 10000] [--rounds 3] [--reference-indexes] [--h2 ";PAGE_SIZE=2048"]
 *     [--compact-ms 200 [--compact-fill 80] [--compact-bytes 1048576]] [--keep]   (--keep: leaves the database for MVStoreTool)
 * </pre>
 */
public final class CreateChannelStoreCost {
  private static final String PREFIX = "arn:aws:ivs:us-east-1:123456789012:";
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private CreateChannelStoreCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ApiLoad.options(args);
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    int preload = Integer.parseInt(options.getOrDefault("preload", "20000"));
    int creates = Integer.parseInt(options.getOrDefault("creates", "10000"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    boolean referenceIndexes = options.containsKey("reference-indexes");
    String h2Settings = options.getOrDefault("h2", "");
    Path dir = Files.createTempDirectory("onair-create-cost");
    Connection first = null;
    if (!h2Settings.isEmpty()) {
      // Same URL as Database.h2Url plus the settings; this connection opens the database, so they take effect.
      first = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db").resolve("onair").toAbsolutePath()
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
          + h2Settings, "onair", "");
    }
    try (Database database = Database.open(new DatabaseSettings(dir, null, Math.max(8, clients)))) {
      if (referenceIndexes) {
        // the layout before V220
        database.jdbc().update("create index ivs_channel_recording on ivs_channel (recording_configuration_arn)");
        database.jdbc().update("create index ivs_channel_policy on ivs_channel (playback_restriction_policy_arn)");
      }
      String writeDelay = options.get("write-delay");
      if (writeDelay != null) {
        // H2's background writer (chunk housekeeping) runs only with a write delay; every create then asks for its
        // own store (CHECKPOINT) so that it is still written before the call returns. Set once the pool is full:
        // each new connection applies the URL's WRITE_DELAY=0 again.
        Thread.sleep(3000);
        database.jdbc().update("set write_delay " + Integer.parseInt(writeDelay));
      }
      boolean checkpoint = writeDelay != null;
      String compactMs = options.get("compact-ms");
      if (compactMs != null) {
        startCompaction(database, Long.parseLong(compactMs),
            Integer.parseInt(options.getOrDefault("compact-fill", "80")),
            Integer.parseInt(options.getOrDefault("compact-bytes", "1048576")));
      }
      JdbcIvsRepositories ivs = JdbcIvsRepositories.create(database.jdbc(), SecretCipher.load(dir, null));
      IdGenerator ids = new IdGenerator();
      run(ivs, ids, clients, preload, checkpoint ? database : null);
      String label = (referenceIndexes ? "+reference indexes" : "V220") + h2Settings
          + (checkpoint ? ";WRITE_DELAY=" + writeDelay + "+CHECKPOINT" : "")
          + (compactMs != null ? "+compact every " + compactMs + " ms" : "");
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      for (int round = 0; round < rounds; round++) {
        long written = writtenBytes();
        long wallBefore = System.nanoTime();
        long processBefore = os.getProcessCpuTime();
        long cpu = run(ivs, ids, clients, creates, checkpoint ? database : null);
        double process = (os.getProcessCpuTime() - processBefore) / 1e3 / creates;
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        System.out.printf("{\"layout\":\"%s\",\"clients\":%d,\"round\":%d,\"creates\":%d,\"rows_before\":%d,"
                + "\"cpu_us_per_create\":%.1f,\"process_cpu_us_per_create\":%.1f,\"creates_per_s\":%.0f,\"kib_written_per_create\":%.1f,\"file_mib\":%.1f}%n",
            label, clients, round, creates, preload + (long) round * creates, cpu / 1e3 / creates, process, creates / wall,
            (writtenBytes() - written) / 1024.0 / creates,
            Files.size(dir.resolve("db").resolve("onair.mv.db")) / 1048576.0);
      }
    } finally {
      if (first != null) {
        first.close();
      }
      if (!options.containsKey("keep")) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      } else {
        System.err.println("kept " + dir);
      }
    }
  }

  /** N threads create {@code creates} channels between them; returns the threads' CPU nanoseconds. */
  private static long run(JdbcIvsRepositories ivs, IdGenerator ids, int clients, int creates, Database storeEach)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AtomicLong cpu = new AtomicLong();
    AtomicLong left = new AtomicLong(creates);
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      Thread worker = new Thread(() -> {
        long start = threads.getCurrentThreadCpuTime();
        try {
          while (left.getAndDecrement() > 0) {
            String id = ids.resourceId();
            Channel channel = new Channel(PREFIX + "channel/" + id, "bench-load", "LOW", "STANDARD", "", false,
                false, "", "", MultitrackInputConfiguration.DISABLED, "TS", NOW);
            StreamKey key = new StreamKey(PREFIX + "stream-key/" + ids.resourceId(), channel.arn(),
                Secret.of(ids.streamKeyValue("us-east-1")), NOW);
            if (!ivs.channels().createWithinLimit(channel, key, Map.of(), Long.MAX_VALUE)) {
              throw new IllegalStateException("quota refused a create");
            }
            if (storeEach != null) {
              storeEach.jdbc().update("checkpoint");
            }
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
        cpu.addAndGet(threads.getCurrentThreadCpuTime() - start);
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a create failed", failures.get(0));
    }
    return cpu.get();
  }

  /**
   * What H2's background writer would do with a write delay, while commits stay synchronous: rewrite the live
   * pages of sparse chunks so that old chunks die and leave the layout map.
   */
  private static void startCompaction(Database database, long everyMs, int fillRate, int bytes) throws Exception {
    org.h2.mvstore.MVStore store;
    try (Connection connection = database.dataSource().getConnection()) {
      var session = (org.h2.engine.SessionLocal) connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
      store = session.getDatabase().getStore().getMvStore();
    }
    Thread compactor = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(everyMs);
          store.compact(fillRate, bytes);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          if (store.isClosed()) {
            return;
          }
          throw e;
        }
      }
    }, "h2-compactor");
    compactor.setDaemon(true);
    compactor.start();
  }

  private static long writtenBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
      if (line.startsWith("wchar:")) {
        return Long.parseLong(line.substring("wchar:".length()).trim());
      }
    }
    throw new IOException("no wchar in /proc/self/io");
  }
}
