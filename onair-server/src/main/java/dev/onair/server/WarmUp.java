package dev.onair.server;

import dev.onair.server.config.ConfigOption;
import dev.onair.server.config.ServerConfigLoader;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code onair warm-up}: a complete first start on a throw-away data directory (embedded database, ephemeral ports
 * on 127.0.0.1), one unsigned and three signed calls through the whole request path, then a clean stop. The
 * launcher runs it once per build under {@code -XX:ArchiveClassesAtExit} so that the classes and lambda forms of
 * a start and of the first requests land in a class-data archive (docs/ARCHITECTURE.md, "Start-up"); run by hand
 * it is a smoke test of the build. The operator's environment is deliberately not read: the warm-up must never
 * touch a configured database or object store.
 */
final class WarmUp {
  private static final String REGION = "us-east-1";
  private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private WarmUp() {}

  /** 0 when every call answered 200; the failures are printed otherwise. */
  static int run() throws Exception {
    Path dataDir = Files.createTempDirectory("onair-warm-up-");
    try {
      SecureRandom random = new SecureRandom();
      SigningCredentials admin = SigningCredentials.of("AKIA" + randomKey(random, 16), randomKey(random, 40));
      Map<String, String> environment =
          Map.of(
              ConfigOption.ADMIN_ACCESS_KEY_ID.environmentVariable(), admin.accessKeyId(),
              ConfigOption.ADMIN_SECRET_ACCESS_KEY.environmentVariable(), admin.secretAccessKey());
      List<String> flags =
          List.of("--data-dir", dataDir.toString(), "--bind", "127.0.0.1", "--http-port", "0", "--rtmp-port", "0",
              "--rtmps-port", "0");
      List<String> failures = new ArrayList<>();
      try (Onair onair = Onair.start(ServerConfigLoader.load(environment, flags))) {
        int port = onair.httpAddress().getPort();
        call(port, "GET /_onair/health", unsigned("GET", "/_onair/health", port), failures);
        String query = "application/x-www-form-urlencoded; charset=utf-8";
        call(port, "sts:GetCallerIdentity",
            signed(port, admin, "sts", "/", query, "Action=GetCallerIdentity&Version=2011-06-15"), failures);
        call(port, "iam:GetUser", signed(port, admin, "iam", "/", query, "Action=GetUser&Version=2010-05-08"),
            failures);
        call(port, "ivs:ListChannels", signed(port, admin, "ivs", "/ListChannels", "application/json", "{}"),
            failures);
      }
      failures.forEach(failure -> System.err.println("onair warm-up: " + failure));
      return failures.isEmpty() ? 0 : 1;
    } finally {
      deleteTree(dataDir);
    }
  }

  private static void call(int port, String name, byte[] request, List<String> failures) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      if (!status.equals("HTTP/1.1 200")) {
        failures.add(name + " answered '" + status + "'");
      }
    }
  }

  private static byte[] unsigned(String method, String path, int port) {
    return (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] signed(
      int port, SigningCredentials credentials, String service, String path, String contentType, String body)
      throws NoSuchAlgorithmException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    SigningRequest request =
        SigningRequest.of("POST", path, hash, "Host", "127.0.0.1:" + port, "Content-Type", contentType);
    SigningRequest signed = new SigV4Signer().sign(request, credentials, REGION, service, Instant.now(), false);
    StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n");
    signed.headers().forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
    head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[headBytes.length + bytes.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
    return all;
  }

  private static String randomKey(SecureRandom random, int length) {
    char[] key = new char[length];
    for (int i = 0; i < length; i++) {
      key[i] = KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)];
    }
    return new String(key);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
