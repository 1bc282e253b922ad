package dev.onair.server;

import dev.onair.server.config.ConfigException;
import dev.onair.server.config.ConfigOption;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.config.ServerConfigLoader;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.migrate.EmbeddedToPostgres;
import dev.onair.storage.migrate.MigrationException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code onair serve [flags]}, {@code onair migrate ...}, {@code onair warm-up} and {@code onair --help}. Flags are parsed by hand: there are few and all alike. */
public final class Main {
  /** JDK property: PBKDF2 rounds protecting each key entry of a new PKCS#12 key store (default 10,000). */
  static final String PKCS12_KEY_ROUNDS = "keystore.pkcs12.keyPbeIterationCount";

  private Main() {}

  public static void main(String[] args) {
    // Netty wraps the RTMPS key in throw-away in-memory PKCS#12 key stores (twice: its own capability check, then
    // our context), and their PBKDF2 rounds were a fifth of a restart's main-thread CPU plus their JIT compilation
    // (docs/BENCHMARKS.md, "Start-up profile"). The key is already in a PEM file and this process writes no key
    // store anywhere, so the rounds protect nothing. An operator's -D setting wins.
    if (System.getProperty(PKCS12_KEY_ROUNDS) == null) {
      System.setProperty(PKCS12_KEY_ROUNDS, "1");
    }
    int status;
    try {
      status = run(args);
    } catch (Exception | Error e) {
      // A failed start (a port in use, an unreachable database) must end the process: listeners or pools that
      // did start hold non-daemon threads that would otherwise keep a half-started server alive.
      System.err.println("onair: failed to start: " + e);
      status = 1;
    }
    System.exit(status);
  }

  static int run(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    if (arguments.isEmpty() || isHelp(arguments.get(0))) {
      usage(System.out);
      return arguments.isEmpty() ? 2 : 0;
    }
    if (arguments.get(0).equals("warm-up")) {
      return WarmUp.run();
    }
    if (arguments.get(0).equals("migrate")) {
      return migrate(arguments.subList(1, arguments.size()), System.getenv());
    }
    if (!arguments.get(0).equals("serve")) {
      System.err.println("onair: unknown command '" + arguments.get(0) + "'");
      usage(System.err);
      return 2;
    }
    List<String> flags = arguments.subList(1, arguments.size());
    if (flags.stream().anyMatch(Main::isHelp)) {
      usage(System.out);
      return 0;
    }
    ServerConfig config;
    try {
      config = ServerConfigLoader.load(System.getenv(), flags);
    } catch (ConfigException e) {
      System.err.println("onair: " + e.getMessage());
      return 2;
    }
    try {
      serve(config);
    } catch (IllegalArgumentException e) {
      // first-start settings the bootstrap refuses (e.g. a too-short admin secret)
      System.err.println("onair: " + e.getMessage());
      return 2;
    }
    return 0;
  }

  private static void serve(ServerConfig config) throws Exception {
    long started = System.nanoTime();
    Onair onair = Onair.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  onair.close();
                  dev.onair.server.frontdoor.BufferedStderrAppender.flushAll();
                  stopped.countDown();
                },
                "onair-shutdown"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    InetSocketAddress address = onair.httpAddress();
    System.out.println(
        "onair ready in "
            + millis
            + " ms: http://"
            + address.getHostString()
            + ":"
            + address.getPort()
            + " (account "
            + onair.accountId()
            + ", data in "
            + config.dataDir().toAbsolutePath().normalize()
            + ")");
    if (onair.credentialsFile() != null) {
      System.out.println("onair: generated first-start credentials written to " + onair.credentialsFile());
    }
    System.out.flush();
    stopped.await();
  }

  /**
   * {@code onair migrate --from <data dir> --database-url postgresql://...}: moves an embedded installation into an
   * empty PostgreSQL database. The URL may also come from ONAIR_DATABASE_URL; it is never printed.
   */
  static int migrate(List<String> flags, Map<String, String> environment) {
    Path from = null;
    String databaseUrl = environment.get(ConfigOption.DATABASE_URL.environmentVariable());
    for (int i = 0; i < flags.size(); i++) {
      String flag = flags.get(i);
      if (isHelp(flag)) {
        usage(System.out);
        return 0;
      }
      if (i + 1 >= flags.size() || !(flag.equals("--from") || flag.equals("--database-url"))) {
        System.err.println("onair migrate: expected --from <data dir> --database-url <postgresql://...>");
        return 2;
      }
      String value = flags.get(++i);
      if (flag.equals("--from")) {
        from = Path.of(value);
      } else {
        databaseUrl = value;
      }
    }
    if (from == null || databaseUrl == null || databaseUrl.isBlank()) {
      System.err.println("onair migrate: --from and --database-url (or ONAIR_DATABASE_URL) are required");
      return 2;
    }
    try {
      long started = System.nanoTime();
      EmbeddedToPostgres.Report report =
          new EmbeddedToPostgres(from, databaseUrl, line -> System.out.println("  " + line)).run();
      System.out.printf(
          "onair migrate: copied %d rows in %d tables in %d ms; row counts verified.%n",
          report.total(), report.rows().size(), (System.nanoTime() - started) / 1_000_000);
      System.out.println(
          "Next: start every node with this --database-url and ONAIR_MASTER_KEY set to the contents of "
              + from.resolve(SecretCipher.KEY_FILE)
              + " (unless the embedded node already used ONAIR_MASTER_KEY): stored secrets are encrypted with it.");
      System.out.println(
          "Files are not moved: copy " + from.resolve("s3") + " (S3 objects) to every node's data directory or"
              + " shared storage, and keep recordings' buckets reachable.");
      return 0;
    } catch (MigrationException | IllegalArgumentException e) {
      System.err.println("onair migrate: " + e.getMessage());
      return 1;
    }
  }

  private static boolean isHelp(String argument) {
    return argument.equals("--help") || argument.equals("-h") || argument.equals("help");
  }

  static void usage(PrintStream out) {
    out.println("Usage: onair serve [options]");
    out.println("       onair migrate --from <embedded data dir> --database-url postgresql://user:pass@host:port/db");
    out.println("       onair warm-up     start on a throw-away data dir, make a few signed calls, stop (smoke test;");
    out.println("                         ./onair runs it once per build to record its class-data archive)");
    out.println("       onair --help");
    out.println();
    out.println("Runs Onair: the AWS APIs (IAM, STS, IVS, S3, CloudWatch, Service Quotas), the console, RTMP ingest");
    out.println("and HLS playback. Each option can also be set by its environment variable; the flag wins.");
    out.println();
    for (ConfigOption option : ConfigOption.values()) {
      String left = "  " + option.flag() + " <value>";
      out.printf("%-34s %s%n", left, option.description());
      String defaultText = option.defaultValue() == null ? "" : "  (default " + option.defaultValue() + ")";
      out.printf("%-34s env %s%s%n", "", option.environmentVariable(), defaultText);
    }
  }
}
