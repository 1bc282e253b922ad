package dev.onair.bench;

import dev.onair.sigv4.SigningCredentials;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durability under SIGKILL, many rounds: start the server jar on a fresh data directory, let N clients create
 * channels back to back (pre-signed raw HTTP, as {@link ApiLoad}), SIGKILL the process at a random moment, then open
 * the data directory with {@code Database.open} (as the server would) and check that every channel whose CreateChannel was answered 200 is there with its stream
 * key. A lost channel is printed with the time of its answer relative to the kill. Faster than the onair-it crash
 * test (no SDK, no restart of the server, no Maven per round), so it can run hundreds of rounds on a loaded machine.
 *
 * <pre>
 * java -cp bench/target/onair-bench.jar:bench/target/lib/* dev.onair.bench.CreateChannelCrash \
 *   --jar /tmp/x/onair-server.jar --rounds 50 --clients 8 --min-ms 500 --max-ms 8000 --work /tmp/x/crash
 * </pre>
 */
public final class CreateChannelCrash {
  private static final Pattern ARN = Pattern.compile("\"arn\"\\s*:\\s*\"([^\"]+:channel/[^\"]+)\"");
  private static final String KEY_ID = "AKIAONAIRCRASH000001";
  private static final String SECRET = "crash-harness-secret-key-0000000000000000";

  private CreateChannelCrash() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ApiLoad.options(args);
    Path jar = Path.of(options.get("jar")).toAbsolutePath();
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "10"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    int minMs = Integer.parseInt(options.getOrDefault("min-ms", "500"));
    int maxMs = Integer.parseInt(options.getOrDefault("max-ms", "8000"));
    Path work = Path.of(options.getOrDefault("work", "/tmp/onair-crash"));
    Files.createDirectories(work);
    // Every round restarts on the same data directory (the recovered file of the round before), and checks every
    // channel acknowledged in any round so far: a recovery that loses older data is caught too.
    Path dataDir = Files.createTempDirectory(work, "data");
    Map<String, Long> everAcknowledged = new HashMap<>();
    int lost = 0;
    int roundsWithLoss = 0;
    boolean keep = false;
    long startedAt = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      RoundResult result = round(jar, dataDir, clients, minMs, maxMs, everAcknowledged);
      System.out.println("round " + round + " " + java.time.Instant.now() + " " + result.line());
      lost += result.newlyLost();
      roundsWithLoss += result.newlyLost() == 0 ? 0 : 1;
      keep |= !result.lost().isEmpty() || !result.usageMatches();
    }
    System.out.println("TOTAL rounds=" + rounds + " clients=" + clients + " acknowledged=" + everAcknowledged.size()
        + " lost=" + lost + " roundsWithLoss=" + roundsWithLoss + " minutes=" + (System.nanoTime() - startedAt) / 60_000_000_000L
        + " dataDir=" + dataDir + (keep ? " (kept)" : ""));
    if (!keep) {
      deleteTree(dataDir);
    }
  }

  /** {@code lost}: every channel acknowledged in any round so far that is missing; {@code newlyLost}: of this round. */
  record RoundResult(int acked, int found, List<String> lost, int newlyLost, long usage, long killAfterMs,
      String versions) {
    boolean usageMatches() {
      return usage == found;
    }

    String line() {
      return versions + " killAfterMs=" + killAfterMs + " acknowledgedThisRound=" + acked + " channelsInFile=" + found + " usage=" + usage
          + " newlyLost=" + newlyLost + " missingSoFar=" + lost.size() + (lost.isEmpty() ? "" : " " + lost) + (usageMatches() ? "" : " USAGE-MISMATCH");
    }
  }

  private static RoundResult round(Path jar, Path dataDir, int clients, int minMs, int maxMs,
      Map<String, Long> everAcknowledged) throws Exception {
    int port = freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    Process server = start(jar, dataDir, port);
    try {
      awaitHealthy(server, endpoint);
      SigningCredentials credentials = SigningCredentials.of(KEY_ID, SECRET);
      ApiLoad.call(endpoint, ApiLoad.sign(endpoint, credentials, "servicequotas", "POST", "/",
          "application/x-amz-json-1.1",
          "{\"ServiceCode\":\"ivs\",\"QuotaCode\":\"L-7A3B2C01\",\"DesiredValue\":10000000}",
          "X-Amz-Target", "ServiceQuotasV20190624.RequestServiceQuotaIncrease"));
      Map<String, Long> acknowledged = new ConcurrentHashMap<>(); // ARN -> epoch micros of the 200
      AtomicBoolean firstAck = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        byte[] request = ApiLoad.sign(endpoint, credentials, "ivs", "POST", "/CreateChannel", "application/json",
            "{\"name\":\"crash-" + c + "\"}");
        Thread writer = new Thread(() -> {
          try (ApiLoad.Connection connection = new ApiLoad.Connection(endpoint)) {
            while (true) {
              ApiLoad.Response response = connection.exchange(request, true);
              long micros = micros();
              if (response.status() != 200) {
                System.err.println("CreateChannel " + response.status() + " " + response.bodyText());
                continue;
              }
              Matcher arn = ARN.matcher(response.bodyText());
              if (!arn.find()) {
                throw new IllegalStateException("no ARN in " + response.bodyText());
              }
              acknowledged.put(arn.group(1), micros);
              firstAck.set(true);
            }
          } catch (IOException killed) {
            // the server died: what was answered before counts
          }
        });
        writer.start();
        writers.add(writer);
      }
      long waitStart = System.nanoTime();
      while (!firstAck.get() && System.nanoTime() - waitStart < TimeUnit.SECONDS.toNanos(60)) {
        Thread.sleep(5);
      }
      long killAfterMs = ThreadLocalRandom.current().nextLong(minMs, maxMs + 1);
      Thread.sleep(killAfterMs);
      long killMicros = micros();
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
      for (Thread writer : writers) {
        writer.join(30_000);
      }
      Map<String, Long> written = Map.copyOf(acknowledged);
      // the file exactly as the killed process left it, before H2's recovery on open changes it
      Path file = dataDir.resolve("db").resolve("onair.mv.db");
      Path killedImage = dataDir.resolve("killed-" + killMicros + ".mv.db");
      Files.copy(file, killedImage);
      String versions = "h2QuickRecovery=v" + version(killedImage, false) + " fullScan=v" + version(killedImage, true);
      int ackedThisRound = written.size();
      everAcknowledged.putAll(written);
      Map<String, Integer> inFile = new HashMap<>();
      long usage;
      // Opened the way the server opens it (Database.open: the recovery after an unclean stop, then H2), so the
      // check runs the storage code on the classpath: put the build under test's onair-storage jar first.
      try (Database database = Database.open(DatabaseSettings.embedded(dataDir));
          Connection db = database.dataSource().getConnection();
          Statement statement = db.createStatement()) {
        try (ResultSet rows = statement.executeQuery("select c.arn, (select count(*) from ivs_stream_key k"
            + " where k.channel_arn = c.arn) from ivs_channel c")) {
          while (rows.next()) {
            inFile.put(rows.getString(1), rows.getInt(2));
          }
        }
        try (ResultSet rows = statement.executeQuery(
            "select coalesce(sum(used), 0) from ivs_resource_usage where resource_type = 'channel'")) {
          rows.next();
          usage = rows.getLong(1);
        }
      }
      List<String> lost = new ArrayList<>();
      int newlyLost = (int) written.keySet().stream().filter(arn -> inFile.get(arn) == null || inFile.get(arn) != 1).count();
      everAcknowledged.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(entry -> {
        Integer keys = inFile.get(entry.getKey());
        if (keys == null || keys != 1) {
          lost.add(entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1) + (keys == null ? "" : "(keys=" + keys
              + ")") + " answered " + (killMicros - entry.getValue()) / 1000.0 + " ms before the kill");
        }
      });
      return new RoundResult(ackedThisRound, inFile.size(), lost, newlyLost, usage, killAfterMs, versions);
    } finally {
      if (server.isAlive()) {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The version H2 opens a copy of {@code image} at: its quick recovery, or a full scan of every block. */
  private static long version(Path image, boolean fullScan) throws IOException {
    Path copy = Files.createTempFile(image.getParent(), "version", ".mv.db");
    Files.copy(image, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    org.h2.mvstore.MVStore.Builder builder = new org.h2.mvstore.MVStore.Builder().fileName(copy.toString()).readOnly();
    org.h2.mvstore.MVStore store = (fullScan ? builder.recoveryMode() : builder).open();
    try {
      return store.getCurrentVersion();
    } finally {
      store.closeImmediately();
      Files.delete(copy);
    }
  }

  private static Process start(Path jar, Path dataDir, int port) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "serve",
        "--data-dir", dataDir.toString(), "--bind", "127.0.0.1", "--http-port", Integer.toString(port),
        "--rtmp-port", Integer.toString(freePort()), "--rtmps-port", Integer.toString(freePort())));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
    builder.environment().put("ONAIR_ADMIN_ACCESS_KEY_ID", KEY_ID);
    builder.environment().put("ONAIR_ADMIN_SECRET_ACCESS_KEY", SECRET);
    return builder.start();
  }

  private static void awaitHealthy(Process server, URI endpoint) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("server exited during startup");
      }
      try {
        HttpURLConnection connection =
            (HttpURLConnection) endpoint.resolve("/_onair/health").toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(1000);
        if (connection.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("server not healthy within 300 s");
  }

  private static long micros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
