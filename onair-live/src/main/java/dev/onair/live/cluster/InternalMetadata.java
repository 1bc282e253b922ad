package dev.onair.live.cluster;

import static java.util.Objects.requireNonNull;

import dev.onair.live.playback.PlaybackHandler;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PutMetadata for a broadcast held by another node ({@value #PREFIX}{@code /<url-encoded channel ARN>}, POST, body
 * = the metadata text in UTF-8). Signed with the same {@link InternalAuth} HMAC as forwarded playback; the signed
 * query is {@code sha256=<base64url SHA-256 of the body>}, which the receiver checks against the body it got, so
 * the signature covers the text too. The receiver inserts it as a local PutMetadata does (204), or answers 404
 * when the channel is not live on it (never forwards again); anything unsigned is 403.
 */
public final class InternalMetadata implements PlaybackHandler {
  public static final String PREFIX = "/_onair/internal/metadata";
  private static final Logger LOG = LoggerFactory.getLogger(InternalMetadata.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final String LOCAL_VIEWER = "node";

  private final InternalAuth auth;
  private final BiPredicate<String, String> insertLocally;
  private final Clock clock;
  private final HttpClient http;

  /** @param insertLocally (channel ARN, text) -> whether the channel is live here and took the metadata */
  public InternalMetadata(InternalAuth auth, BiPredicate<String, String> insertLocally, Clock clock) {
    this.auth = requireNonNull(auth, "auth is null");
    this.insertLocally = requireNonNull(insertLocally, "insertLocally is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public CompletableFuture<HttpResponse> handle(HttpRequest request) {
    return CompletableFuture.completedFuture(receive(request));
  }

  HttpResponse receive(HttpRequest request) {
    String path = request.rawPath();
    if (!path.startsWith(PREFIX + "/") || !request.method().equals("POST")
        || !request.rawQuery().equals(bodyQuery(request.body()))
        || !auth.verify(request.method(), path, request.rawQuery(), request.header(InternalAuth.DATE),
            request.header(InternalAuth.VIEWER), request.header(InternalAuth.SIGNATURE))) {
      return HttpResponse.text(403, "text/plain", "internal route: missing or invalid signature\n")
          .withHeader("Cache-Control", "no-store");
    }
    String channelArn;
    try {
      channelArn = URLDecoder.decode(path.substring(PREFIX.length() + 1), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return HttpResponse.text(400, "text/plain", "bad channel\n");
    }
    String text = new String(request.body(), StandardCharsets.UTF_8);
    return insertLocally.test(channelArn, text)
        ? HttpResponse.empty(204)
        : HttpResponse.text(404, "text/plain", "channel not live on this node\n");
  }

  /**
   * Sends the text to the holder at {@code address} (host:port) and waits for its answer: true only when the
   * holder inserted it. Failures (unreachable, refused, no longer live there) are false.
   */
  public boolean forward(String address, String channelArn, String metadata) {
    byte[] body = metadata.getBytes(StandardCharsets.UTF_8);
    String path = PREFIX + "/" + URLEncoder.encode(channelArn, StandardCharsets.UTF_8);
    String query = bodyQuery(body);
    long now = clock.millis();
    var request = java.net.http.HttpRequest.newBuilder(URI.create("http://" + address + path + "?" + query))
        .timeout(TIMEOUT)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "text/plain; charset=utf-8")
        .header(InternalAuth.DATE, Long.toString(now))
        .header(InternalAuth.VIEWER, LOCAL_VIEWER)
        .header(InternalAuth.SIGNATURE, auth.sign("POST", path, query, now, LOCAL_VIEWER))
        .build();
    try {
      int status = http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        LOG.warn("forwarding PutMetadata to {} answered {}", address, status);
        return false;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("forwarding PutMetadata to {} failed: {}", address, e.toString());
      return false;
    }
  }

  static String bodyQuery(byte[] body) {
    try {
      return "sha256=" + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
