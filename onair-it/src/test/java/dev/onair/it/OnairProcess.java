package dev.onair.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real server jar, started as a separate process on free ports with a fresh data directory and known admin
 * credentials; stopped with SIGTERM, as an operator would. Nothing in-process is shared with it: the tests see it
 * only through the network, like any AWS client.
 */
public final class OnairProcess implements AutoCloseable {
  public static final String ADMIN_ACCESS_KEY_ID = "AKIAONAIRITADMIN0001";
  public static final String ADMIN_SECRET_ACCESS_KEY = "onair-it-admin-secret-access-key-0001";
  public static final String ACCOUNT_ID = "123456789012";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path dataDir;
  private final Path log;
  private final int httpPort;
  private final Duration startupTime;
  private final boolean ownsDataDir;

  private OnairProcess(Process process, Path dataDir, Path log, int httpPort, Duration startupTime,
      boolean ownsDataDir) {
    this.process = process;
    this.dataDir = dataDir;
    this.log = log;
    this.httpPort = httpPort;
    this.startupTime = startupTime;
    this.ownsDataDir = ownsDataDir;
  }

  /** Starts a server; extra flags are appended to {@code serve} (e.g. {@code --max-request-bytes 65536}). */
  public static OnairProcess start(String... extraFlags) {
    return startOn(null, extraFlags);
  }

  /**
   * Starts a server on {@code dataDir}, which the caller owns: it is kept on {@link #close()}, so a test can
   * restart a server on the same state (after {@link #kill()}) or prepare it first (a size-limited mount).
   */
  public static OnairProcess startOn(Path dataDir, String... extraFlags) {
    // Ports are chosen free, then bound by another process; in between, any other program on the machine (an
    // outgoing connection's ephemeral port) may take one. Only that race is retried, with fresh ports.
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(dataDir, extraFlags);
      } catch (AssertionError e) {
        if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("BindException")) {
          throw e;
        }
        System.out.println("onair start attempt " + attempt + " lost a port race; retrying with new ports");
      }
    }
  }

  private static OnairProcess startOnce(Path givenDataDir, String... extraFlags) {
    try {
      Path jar = serverJar();
      boolean owned = givenDataDir == null;
      Path dataDir = owned ? Files.createTempDirectory("onair-it-data") : givenDataDir;
      Path log = Files.createTempFile("onair-it-", ".log");
      int httpPort = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-jar");
      command.add(jar.toString());
      command.add("serve");
      command.addAll(
          List.of(
              "--data-dir", dataDir.toString(),
              "--bind", "127.0.0.1",
              "--http-port", Integer.toString(httpPort),
              "--rtmp-port", Integer.toString(freePort()),
              "--rtmps-port", Integer.toString(freePort()),
              "--account-id", ACCOUNT_ID));
      command.addAll(List.of(extraFlags));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("ONAIR_ADMIN_ACCESS_KEY_ID", ADMIN_ACCESS_KEY_ID);
      builder.environment().put("ONAIR_ADMIN_SECRET_ACCESS_KEY", ADMIN_SECRET_ACCESS_KEY);
      long started = System.nanoTime();
      Process process = builder.start();
      OnairProcess onair =
          new OnairProcess(process, dataDir, log, httpPort, Duration.ZERO, owned);
      onair.awaitHealthy();
      Duration startup = Duration.ofNanos(System.nanoTime() - started);
      System.out.println("onair started in " + startup.toMillis() + " ms (process launch to healthy)");
      return new OnairProcess(process, dataDir, log, httpPort, startup, owned);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The jar built earlier in the reactor, or {@code -Donair.it.jar} (before/after runs against a copy); a clear
   * failure, not a skip, when it is missing.
   */
  static Path serverJar() {
    String given = System.getProperty("onair.it.jar");
    Path jar = (given != null ? Path.of(given) : Path.of("..", "onair-server", "target", "onair-server.jar"))
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError("server jar not found at " + jar + "; build it first (mvn -B verify builds it)");
    }
    return jar;
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("onair exited with " + process.exitValue() + " during startup:\n" + log());
      }
      if (healthy()) {
        return;
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new AssertionError("onair was not healthy within " + STARTUP_TIMEOUT + ":\n" + log());
  }

  private boolean healthy() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/_onair/health").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(1000);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  public int httpPort() {
    return httpPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Duration startupTime() {
    return startupTime;
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then waits for the shutdown hook to drain and close; SIGKILL only if that hangs. */
  public int stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("onair did not stop within 30 s of SIGTERM:\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process.exitValue();
  }

  /** SIGKILL: the process dies without its shutdown hook, as on a power cut or the OOM killer. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
    if (ownsDataDir) {
      deleteRecursively(dataDir);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for onair", e);
    }
  }
}
