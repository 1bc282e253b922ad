package dev.onair.live.playback;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.model.ViewerSessionRevocation;
import dev.onair.ivs.port.PlaybackKeyPairRepository;
import dev.onair.ivs.port.ViewerSessionRevocationRepository;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies IVS private-channel playback tokens (ivs.md §4): a JWT signed ES384 by the private half of a playback
 * key pair imported into the channel's account and region. Uses the JDK's ECDSA only; JOSE signatures are the raw
 * r||s form, which the JDK reads as "P1363 format".
 */
public final class PlaybackTokenVerifier {
  static final String CHANNEL_ARN = "aws:channel-arn";
  static final String ALLOW_ORIGIN = "aws:access-control-allow-origin";
  static final String VIEWER_ID = "aws:viewer-id";
  static final String VIEWER_SESSION_VERSION = "aws:viewer-session-version";
  private static final int P384_SIGNATURE_BYTES = 96;
  private static final int MAX_TOKEN_CHARS = 8192;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The verdict. */
  public sealed interface Result {}

  /**
   * @param allowOrigin the token's {@code aws:access-control-allow-origin}, or null for any origin
   * @param viewerId the token's {@code aws:viewer-id}, or null
   */
  public record Valid(String allowOrigin, String viewerId) implements Result {}

  /** @param reason for logs; never contains the token */
  public record Invalid(String reason) implements Result {}

  private final PlaybackKeyPairRepository keyPairs;
  private final ViewerSessionRevocationRepository revocations;
  private final Clock clock;
  private final Map<String, PublicKey> parsedKeys = new ConcurrentHashMap<>();

  public PlaybackTokenVerifier(
      PlaybackKeyPairRepository keyPairs, ViewerSessionRevocationRepository revocations, Clock clock) {
    this.keyPairs = requireNonNull(keyPairs, "keyPairs is null");
    this.revocations = requireNonNull(revocations, "revocations is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public Result verify(String token, String channelArn) {
    if (token == null || token.isEmpty()) {
      return new Invalid("no token");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      return new Invalid("token too long");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return new Invalid("not a compact JWS");
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      header = JSON.readTree(decode(parts[0]));
      claims = JSON.readTree(decode(parts[1]));
      signature = decode(parts[2]);
    } catch (Exception e) {
      return new Invalid("malformed token");
    }
    if (header == null || !header.isObject() || !"ES384".equals(header.path("alg").asText())) {
      return new Invalid("alg must be ES384");
    }
    if (claims == null || !claims.isObject()) {
      return new Invalid("claims are not an object");
    }
    if (signature.length != P384_SIGNATURE_BYTES) {
      return new Invalid("signature is not an ES384 signature");
    }
    IvsArn arn = IvsArn.parse(channelArn).orElse(null);
    if (arn == null) {
      return new Invalid("bad channel");
    }
    byte[] signedBytes = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (!signedByAnyKey(signedBytes, signature, arn)) {
      return new Invalid("signature does not verify with any playback key pair");
    }
    if (!channelArn.equals(claims.path(CHANNEL_ARN).asText(null))) {
      return new Invalid("token is for another channel");
    }
    JsonNode exp = claims.get("exp");
    if (exp == null || !exp.isNumber()) {
      return new Invalid("exp missing");
    }
    if (exp.asLong() <= clock.instant().getEpochSecond()) {
      return new Invalid("token expired");
    }
    String viewerId = claims.path(VIEWER_ID).asText(null);
    if (viewerId != null) {
      long version = claims.path(VIEWER_SESSION_VERSION).asLong(0);
      Optional<ViewerSessionRevocation> revocation = revocations.find(channelArn, viewerId);
      if (revocation.isPresent() && revocation.get().revokes(channelArn, viewerId, version)) {
        return new Invalid("viewer session revoked");
      }
    }
    JsonNode origin = claims.get(ALLOW_ORIGIN);
    return new Valid(origin == null || origin.isNull() ? null : origin.asText(), viewerId);
  }

  private boolean signedByAnyKey(byte[] signedBytes, byte[] signature, IvsArn channel) {
    for (PublicKey key : keys(channel)) {
      try {
        Signature verifier = Signature.getInstance("SHA384withECDSAinP1363Format");
        verifier.initVerify(key);
        verifier.update(signedBytes);
        if (verifier.verify(signature)) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        // A key of the wrong curve or type simply does not verify this token; try the next one.
      }
    }
    return false;
  }

  private List<PublicKey> keys(IvsArn channel) {
    List<PublicKey> keys = new ArrayList<>();
    // At most three key pairs per account and region (an AWS limit), so listing them all is cheap.
    for (PlaybackKeyPair pair : keyPairs.page(channel.accountId(), channel.region(), null, 100)) {
      PublicKey key = parsedKeys.computeIfAbsent(pair.arn() + "\n" + pair.fingerprint(),
          ignored -> parsePem(pair.publicKeyPem()));
      if (key != null) {
        keys.add(key);
      }
    }
    return keys;
  }

  static PublicKey parsePem(String pem) {
    try {
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] decode(String base64Url) {
    return Base64.getUrlDecoder().decode(base64Url);
  }
}
