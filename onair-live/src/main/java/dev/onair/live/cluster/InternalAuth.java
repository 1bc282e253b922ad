package dev.onair.live.cluster;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates requests between nodes: HMAC-SHA256 over method, path, query, timestamp and the viewer address
 * the forwarding node vouches for, keyed with a key derived from the shared master key. Only nodes holding
 * ONAIR_MASTER_KEY can produce it; a request older than {@link #MAX_SKEW} is refused, which bounds replay.
 */
public final class InternalAuth {
  public static final String DATE = "X-Onair-Internal-Date";
  public static final String SIGNATURE = "X-Onair-Internal-Signature";
  public static final String VIEWER = "X-Onair-Internal-Viewer";
  static final Duration MAX_SKEW = Duration.ofSeconds(30);

  private final SecretKeySpec key;
  private final Clock clock;

  public InternalAuth(byte[] key, Clock clock) {
    requireNonNull(key, "key is null");
    if (key.length < 32) {
      throw new IllegalArgumentException("internal route key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** A signature for a request sent now; the caller sends {@code now} in {@link #DATE}. */
  public String sign(String method, String path, String query, long epochMillis, String viewer) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String canonical = method + "\n" + path + "\n" + query + "\n" + epochMillis + "\n" + viewer;
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Constant-time check of signature and freshness; any missing or malformed part is a refusal. */
  public boolean verify(String method, String path, String query, String date, String viewer, String signature) {
    if (date == null || signature == null || viewer == null) {
      return false;
    }
    long millis;
    try {
      millis = Long.parseLong(date);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(clock.millis() - millis) > MAX_SKEW.toMillis()) {
      return false;
    }
    byte[] expected = sign(method, path, query, millis, viewer).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
