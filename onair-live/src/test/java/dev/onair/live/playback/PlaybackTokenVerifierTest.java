package dev.onair.live.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.model.ViewerSessionRevocation;
import dev.onair.live.fakes.Fakes;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlaybackTokenVerifierTest {
  private static final String CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/abcdABCDefgh";
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final long FUTURE = NOW.getEpochSecond() + 600;
  private static final KeyPair IMPORTED = keyPair("secp384r1");
  private static final KeyPair STRANGER = keyPair("secp384r1");
  private static final String ES384 = "{\"alg\":\"ES384\",\"typ\":\"JWT\"}";

  static Stream<Arguments> cases() {
    String claims = "{\"aws:channel-arn\":\"" + CHANNEL + "\",\"exp\":" + FUTURE + "}";
    return Stream.of(
        Arguments.of("valid", jwt(ES384, claims, IMPORTED), null),
        Arguments.of("valid with origin and viewer", jwt(ES384, "{\"aws:channel-arn\":\"" + CHANNEL
            + "\",\"aws:access-control-allow-origin\":\"https://*.example.com\",\"aws:viewer-id\":\"alice\","
            + "\"aws:viewer-session-version\":5,\"exp\":" + FUTURE + "}", IMPORTED), null),
        Arguments.of("missing", null, "no token"),
        Arguments.of("garbage", "not-a-jwt", "not a compact JWS"),
        Arguments.of("bad base64", "###.###.###", "malformed token"),
        Arguments.of("forged: other key", jwt(ES384, claims, STRANGER),
            "signature does not verify with any playback key pair"),
        Arguments.of("tampered claims", tamper(jwt(ES384, claims, IMPORTED)),
            "signature does not verify with any playback key pair"),
        Arguments.of("alg none", jwt("{\"alg\":\"none\"}", claims, IMPORTED), "alg must be ES384"),
        Arguments.of("alg HS256", jwt("{\"alg\":\"HS256\"}", claims, IMPORTED), "alg must be ES384"),
        Arguments.of("expired", jwt(ES384, "{\"aws:channel-arn\":\"" + CHANNEL + "\",\"exp\":"
            + (NOW.getEpochSecond() - 1) + "}", IMPORTED), "token expired"),
        Arguments.of("no exp", jwt(ES384, "{\"aws:channel-arn\":\"" + CHANNEL + "\"}", IMPORTED), "exp missing"),
        Arguments.of("other channel", jwt(ES384, "{\"aws:channel-arn\":\"" + CHANNEL + "X\",\"exp\":" + FUTURE + "}",
            IMPORTED), "token is for another channel"),
        Arguments.of("revoked viewer", jwt(ES384, "{\"aws:channel-arn\":\"" + CHANNEL
            + "\",\"aws:viewer-id\":\"bob\",\"aws:viewer-session-version\":2,\"exp\":" + FUTURE + "}", IMPORTED),
            "viewer session revoked"),
        Arguments.of("newer session of revoked viewer", jwt(ES384, "{\"aws:channel-arn\":\"" + CHANNEL
            + "\",\"aws:viewer-id\":\"bob\",\"aws:viewer-session-version\":4,\"exp\":" + FUTURE + "}", IMPORTED),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verify(String name, String token, String invalidReason) {
    Fakes.PlaybackKeys keys = new Fakes.PlaybackKeys();
    keys.create(new PlaybackKeyPair("arn:aws:ivs:us-east-1:123456789012:playback-key/k1", "k1", "aa:bb",
        pem(IMPORTED), NOW));
    Fakes.Revocations revocations = new Fakes.Revocations();
    revocations.save(new ViewerSessionRevocation(CHANNEL, "bob", 3, NOW));
    PlaybackTokenVerifier verifier = new PlaybackTokenVerifier(keys, revocations, Clock.fixed(NOW, ZoneOffset.UTC));

    PlaybackTokenVerifier.Result result = verifier.verify(token, CHANNEL);

    if (invalidReason == null) {
      assertThat(result).isInstanceOf(PlaybackTokenVerifier.Valid.class);
    } else {
      assertThat(result).isEqualTo(new PlaybackTokenVerifier.Invalid(invalidReason));
    }
  }

  @org.junit.jupiter.api.Test
  void allowOrigin_claimPatterns() {
    assertThat(PlaybackResponses.allowOrigin(null, "https://a.com")).isEqualTo("*");
    assertThat(PlaybackResponses.allowOrigin("https://a.com,https://*.example.com", "https://x.example.com"))
        .isEqualTo("https://x.example.com");
    assertThat(PlaybackResponses.allowOrigin("https://a.com", "https://a.com")).isEqualTo("https://a.com");
    assertThat(PlaybackResponses.allowOrigin("https://a.com", "https://evil.com")).isNull();
    assertThat(PlaybackResponses.allowOrigin("https://*.example.com", "https://example.com.evil")).isNull();
  }

  static String jwt(String header, String claims, KeyPair key) {
    try {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
          + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
      Signature signature = Signature.getInstance("SHA384withECDSAinP1363Format");
      signature.initSign(key.getPrivate());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64.encodeToString(signature.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String tamper(String token) {
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"exp\"", "\"exp\":1,\"x\"");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  static KeyPair keyPair(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
