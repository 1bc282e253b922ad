package dev.onair.live.playback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Playback session ids, handed out with the multivariant playlist and carried as {@code ?ps=} on every playlist
 * and segment URL below it. They serve two purposes: counting distinct viewers, and letting a private channel's
 * viewer keep playing after checking the JWT once (IVS checks {@code exp} only at playback start).
 *
 * <p>Format {@code <random>.<expiry epoch s>.<HMAC-SHA256>}, bound to the channel ARN. The HMAC key lives only in
 * this process: after a restart old ids stop working and players fetch the multivariant playlist again.
 */
public final class PlaybackSessions {
  static final Duration LIFETIME = Duration.ofHours(24);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  /**
   * One keyed Mac per thread: every playback request below the multivariant playlist checks its session, and
   * {@code Mac.getInstance} + {@code init} (a provider lookup and a reflective constructor) cost more than the HMAC.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public PlaybackSessions(Clock clock) {
    this.clock = clock;
    this.key = new byte[32];
    random.nextBytes(key);
  }

  public String mint(String channelArn) {
    byte[] id = new byte[12];
    random.nextBytes(id);
    String body = B64.encodeToString(id) + "." + clock.instant().plus(LIFETIME).getEpochSecond();
    return body + "." + mac(channelArn, body);
  }

  /** Whether {@code session} was minted here for this channel and has not expired. */
  public boolean isValid(String session, String channelArn) {
    if (session == null || session.length() > 200) {
      return false;
    }
    int last = session.lastIndexOf('.');
    int first = session.indexOf('.');
    if (first < 1 || last <= first) {
      return false;
    }
    String body = session.substring(0, last);
    byte[] expected = mac(channelArn, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = session.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return false;
    }
    try {
      return Long.parseLong(session.substring(first + 1, last)) > clock.instant().getEpochSecond();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String mac(String channelArn, String body) {
    Mac mac = macs.get();
    mac.update(channelArn.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII))); // doFinal resets it
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
