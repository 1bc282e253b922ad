package dev.onair.it.iam;

import dev.onair.it.OnairProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server on a data directory that outlives it, for the tests that kill or stop the process and start it again
 * on the same state (crash test, secrets at rest, expired sessions). Same command line as {@link OnairProcess}.
 */
final class RestartableServer implements AutoCloseable {
  final Path dataDir;
  final Path log;
  private final int httpPort;
  private Process process;

  RestartableServer(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    this.log = Files.createTempFile("onair-it-iam-", ".log");
    this.httpPort = freePort();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  void start() throws IOException {
    // -Donair.it.jar=<copy of onair-server.jar with its lib/>: the same crash check against another build (A/B)
    Path jar = Path.of(System.getProperty("onair.it.jar", "../onair-server/target/onair-server.jar"))
        .toAbsolutePath().normalize();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "serve",
        "--data-dir", dataDir.toString(), "--bind", "127.0.0.1", "--http-port", Integer.toString(httpPort),
        "--rtmp-port", Integer.toString(freePort()), "--rtmps-port", Integer.toString(freePort()),
        "--account-id", OnairProcess.ACCOUNT_ID));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("ONAIR_ADMIN_ACCESS_KEY_ID", OnairProcess.ADMIN_ACCESS_KEY_ID);
    builder.environment().put("ONAIR_ADMIN_SECRET_ACCESS_KEY", OnairProcess.ADMIN_SECRET_ACCESS_KEY);
    process = builder.start();
    // 180 s: on this shared two-core machine a start takes 60-120 s at load 30-40, and a restart after a kill may
    // first scan the database file (Database.open's recovery)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("onair exited during startup:\n" + log());
      }
      if (healthy()) {
        return;
      }
      sleep(50);
    }
    throw new AssertionError("onair not healthy within 180 s:\n" + log());
  }

  /** SIGKILL: no shutdown hook, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean healthy() {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) endpoint().resolve("/_onair/health").toURL().openConnection();
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

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
