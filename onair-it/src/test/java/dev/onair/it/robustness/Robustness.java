package dev.onair.it.robustness;

import dev.onair.it.OnairProcess;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Settings and helpers shared by the robustness suite.
 *
 * <p>Short form (every {@code mvn -B verify}): {@value #SHORT_INPUTS} inputs per hostile-input family. Long form,
 * on demand: {@code mvn -B verify -pl onair-it -am -Donair.robustness=long} (100,000 inputs per family; add
 * {@code -Dtest='*RobustnessTest' -Dsurefire.failIfNoSpecifiedTests=false} to run only this suite).
 * Inputs come from a seeded {@link Random}: the short form uses a fixed seed, so CI sees the same inputs on every run;
 * the long form draws a new seed. The seed is printed and {@code -Donair.robustness.seed=N} replays a run.
 */
final class Robustness {
  static final int SHORT_INPUTS = 2_000;
  static final int LONG_INPUTS = 100_000;
  /** A request that takes longer than this is a hang (generous: the build machine is shared and small). */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private Robustness() {}

  static boolean longForm() {
    return "long".equalsIgnoreCase(System.getProperty("onair.robustness", "short"));
  }

  static int inputs() {
    return Integer.getInteger("onair.robustness.inputs", longForm() ? LONG_INPUTS : SHORT_INPUTS);
  }

  static final long SHORT_FORM_SEED = 20261130L;

  static long seed() {
    return Long.getLong("onair.robustness.seed", longForm() ? System.nanoTime() : SHORT_FORM_SEED);
  }

  /** The server's own pid (a child of this JVM whose command line names its data directory). */
  static Optional<ProcessHandle> serverProcess(OnairProcess onair) {
    String dataDir = onair.dataDir().toString();
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(dataDir))
        .findFirst();
  }

  /** Resident set size in KiB from /proc, or -1 when unknown. */
  static long rssKib(OnairProcess onair) {
    Optional<ProcessHandle> process = serverProcess(onair);
    if (process.isEmpty()) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.get().pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException unknown) {
      return -1;
    }
    return -1;
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static SigningCredentials admin() {
    return SigningCredentials.of(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY);
  }

  /**
   * A complete HTTP/1.1 request signed by the admin for {@code service} (so it gets past SigV4 and reaches the
   * protocol parsers), with the body bytes exactly as given.
   */
  static byte[] signed(OnairProcess onair, String service, String method, String path, byte[] body,
      String... headerNamesAndValues) {
    return signed(onair, admin(), service, method, path, body, headerNamesAndValues);
  }

  static byte[] signed(OnairProcess onair, SigningCredentials credentials, String service, String method,
      String path, byte[] body, String... headerNamesAndValues) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Host", "127.0.0.1:" + onair.httpPort()));
    for (int i = 0; i < headerNamesAndValues.length; i += 2) {
      headers.add(Map.entry(headerNamesAndValues[i], headerNamesAndValues[i + 1]));
    }
    SigningRequest request = new SigV4Signer().sign(SigningRequest.of(method, path, headers, sha256(body)),
        credentials, "us-east-1", service, Instant.now(), false);
    return raw(method, path, request.headers(), body);
  }

  /** Serialises a request; a Content-Length header is added for a non-empty body. */
  static byte[] raw(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    for (Map.Entry<String, String> header : headers) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
