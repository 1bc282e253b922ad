package dev.onair.it;

import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Hand-built HTTP requests, for what the SDK will not send: unsigned calls, skewed clocks, broken bodies. Signed
 * with our own SigV4 signer (itself checked against the SDK's in onair-sigv4).
 */
public final class RawRequests {
  public static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private RawRequests() {}

  public static HttpResponse<String> post(OnairProcess onair, String path, String contentType, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(onair.endpoint().resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return send(request);
  }

  public static HttpResponse<String> get(OnairProcess onair, String pathAndQuery) {
    return send(HttpRequest.newBuilder(onair.endpoint().resolve(pathAndQuery)).GET().build());
  }

  /** A POST signed for {@code service} as of {@code signingTime} with the given secret. */
  public static HttpResponse<String> signedPost(
      OnairProcess onair, String service, String contentType, byte[] body, Instant signingTime, String secret) {
    String host = "127.0.0.1:" + onair.httpPort();
    SigningRequest unsigned =
        SigningRequest.of("POST", "/", sha256(body), "Host", host, "Content-Type", contentType);
    SigningRequest signed =
        new SigV4Signer()
            .sign(
                unsigned,
                new SigningCredentials(OnairProcess.ADMIN_ACCESS_KEY_ID, secret, null),
                "us-east-1",
                service,
                signingTime,
                false);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://" + host + "/")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> header : signed.headers()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    return send(builder.build());
  }

  public static HttpResponse<String> signedForm(OnairProcess onair, String service, String form) {
    return signedPost(
        onair,
        service,
        FORM,
        form.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Instant.now(),
        OnairProcess.ADMIN_SECRET_ACCESS_KEY);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request to onair failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
