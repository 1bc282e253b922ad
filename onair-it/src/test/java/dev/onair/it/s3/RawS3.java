package dev.onair.it.s3;

import dev.onair.it.OnairProcess;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S3 requests over a plain socket, so the test chooses the Host header ({@code bucket.s3.localhost} does not resolve
 * on every machine, and Java's HTTP clients will not send a Host that differs from the URL) and the body (the SDK
 * only sends well-formed XML). Signed with our SigV4 signer under S3's rules, or unsigned for anonymous calls.
 */
final class RawS3 {
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawS3() {}

  static Response signed(OnairProcess onair, String method, String host, String target, byte[] body,
      String... headers) {
    return signedFor(onair, "us-east-1", method, host, target, body, headers);
  }

  static Response signedFor(OnairProcess onair, String region, String method, String host, String target,
      byte[] body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Host", host));
    all.addAll(List.of(headers));
    SigningRequest unsigned = SigningRequest.of(method, target, sha256(body), all.toArray(String[]::new));
    SigningRequest signed = new SigV4Signer().sign(unsigned,
        new SigningCredentials(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY, null),
        region, "s3", Instant.now(), true);
    return send(onair, method, target, signed.headers(), body);
  }

  static Response anonymous(OnairProcess onair, String method, String target, byte[] body) {
    return send(onair, method, target, List.of(Map.entry("Host", "127.0.0.1:" + onair.httpPort())), body);
  }

  private static Response send(OnairProcess onair, String method, String target,
      List<Map.Entry<String, String>> headers, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", onair.httpPort())) {
      socket.setSoTimeout(30_000);
      StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
      for (Map.Entry<String, String> header : headers) {
        head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes(), method.equals("HEAD"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response parse(byte[] raw, boolean head) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (!head) {
      body.write(raw, end + 4, raw.length - end - 4);
    }
    return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
