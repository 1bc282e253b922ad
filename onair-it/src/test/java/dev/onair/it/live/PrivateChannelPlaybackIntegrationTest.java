package dev.onair.it.live;

import static dev.onair.it.live.LiveFixture.await;
import static dev.onair.it.live.LiveFixture.ffmpeg;
import static dev.onair.it.live.LiveFixture.get;
import static dev.onair.it.live.LiveFixture.isLive;
import static dev.onair.it.live.LiveFixture.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairExtension;
import dev.onair.it.Tools;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelLatencyMode;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;

/**
 * A private channel (authorized: true) against the real server (issue 5 item 4): playback needs a JWT signed ES384
 * with an imported playback key pair's private key, passed as {@code ?token=}. A missing, expired, forged, tampered,
 * wrongly-algorithmed, other-channel or revoked token gets 403 and no playlist; a valid one plays (ffprobe reads
 * H.264 and AAC through it); what sits below the multivariant playlist needs the playback session it hands out.
 */
class PrivateChannelPlaybackIntegrationTest {
  private static final int RTMP_PORT = LiveFixture.freePort();

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension("--rtmp-port", Integer.toString(RTMP_PORT));

  private static IvsClient ivs;

  @BeforeAll
  static void clients() {
    Tools.require("ffmpeg");
    Tools.require("ffprobe");
    ivs = LiveFixture.ivs(ONAIR.process());
  }

  @AfterAll
  static void close() {
    if (ivs != null) {
      ivs.close();
    }
  }

  @Test
  void privateChannel_onlyAValidUnrevokedTokenPlays() throws Exception {
    KeyPair imported = p384();
    KeyPair stranger = p384();
    ivs.importPlaybackKeyPair(r -> r.name("private-it").publicKeyMaterial(pem(imported)));
    CreateChannelResponse created = ivs.createChannel(r -> r.name("private-it").authorized(true)
        .insecureIngest(true).latencyMode(ChannelLatencyMode.NORMAL));
    String arn = created.channel().arn();
    String url = created.channel().playbackUrl();
    Process encoder = ffmpeg("rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + created.streamKey().value(), 120);
    try {
      await("channel live", Duration.ofSeconds(30), () -> isLive(ivs, arn));
      long exp = Instant.now().getEpochSecond() + 600;
      String valid = jwt(imported.getPrivate(), "ES384", claims(arn, exp, null, null));
      await("a segment listed", Duration.ofSeconds(30), () -> {
        HttpResponse<String> master = get(url + "?token=" + valid);
        return master.statusCode() == 200
            && get(LiveFixture.mediaPlaylist(url, master.body())).body().contains("#EXTINF");
      });

      Map<String, String> refused = new LinkedHashMap<>();
      refused.put("no token", url);
      refused.put("empty token", url + "?token=");
      refused.put("garbage", url + "?token=not-a-jwt");
      refused.put("expired", url + "?token=" + jwt(imported.getPrivate(), "ES384",
          claims(arn, Instant.now().getEpochSecond() - 60, null, null)));
      refused.put("forged: signed by a key never imported", url + "?token="
          + jwt(stranger.getPrivate(), "ES384", claims(arn, exp, null, null)));
      refused.put("tampered claims", url + "?token=" + tamper(valid, claims(arn + "x", exp, null, null)));
      refused.put("alg none", url + "?token=" + unsigned(claims(arn, exp, null, null)));
      refused.put("another channel's token", url + "?token=" + jwt(imported.getPrivate(), "ES384",
          claims(arn.substring(0, arn.lastIndexOf('/') + 1) + "otherCHANNEL", exp, null, null)));
      for (Map.Entry<String, String> attempt : refused.entrySet()) {
        assertNoMedia(attempt.getKey(), get(attempt.getValue()));
      }

      // A valid token: the multivariant playlist, and below it only with the playback session it hands out.
      HttpResponse<String> master = get(url + "?token=" + valid);
      assertThat(master.statusCode()).as("valid token").isEqualTo(200);
      assertThat(master.body()).startsWith("#EXTM3U").contains("?ps=");
      String media = LiveFixture.mediaPlaylist(url, master.body());
      HttpResponse<String> mediaPlaylist = get(media);
      assertThat(mediaPlaylist.statusCode()).isEqualTo(200);
      assertThat(mediaPlaylist.body()).contains("#EXTINF");
      String withoutSession = media.substring(0, media.indexOf('?'));
      assertNoMedia("media playlist without the playback session", get(withoutSession));
      assertNoMedia("media playlist with a made-up playback session", get(withoutSession + "?ps=made-up"));
      String segment = mediaPlaylist.body().lines().filter(l -> l.startsWith("seg")).findFirst().orElseThrow();
      String segmentUrl = URI.create(media).resolve(segment).toString();
      assertThat(getBytes(segmentUrl).statusCode()).as("segment with the session").isEqualTo(200);
      HttpResponse<byte[]> bare = getBytes(segmentUrl.substring(0, segmentUrl.indexOf('?')));
      assertThat(bare.statusCode()).as("segment without the session").isEqualTo(403);
      assertThat(bare.body().length == 0 || bare.body()[0] != 0x47).as("no TS bytes in the refusal").isTrue();

      String probed = probe(url + "?token=" + URLEncoder.encode(valid, StandardCharsets.UTF_8));
      assertThat(probed).contains("codec_name=h264", "codec_name=aac");

      // The origin claim narrows CORS for the browser that presents the token.
      String originToken = jwt(imported.getPrivate(), "ES384", claims(arn, exp, "https://viewer.example", null));
      HttpResponse<String> fromAllowed = get(url + "?token=" + originToken, "Origin", "https://viewer.example");
      assertThat(fromAllowed.statusCode()).isEqualTo(200);
      assertThat(fromAllowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://viewer.example");
      HttpResponse<String> fromOther = get(url + "?token=" + originToken, "Origin", "https://other.example");
      assertThat(fromOther.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

      // Revocation: bob's sessions up to version 1 are refused, a newer session version plays.
      String bob1 = jwt(imported.getPrivate(), "ES384", claims(arn, exp, null, "\"aws:viewer-id\":\"bob\","
          + "\"aws:viewer-session-version\":1"));
      String bob2 = jwt(imported.getPrivate(), "ES384", claims(arn, exp, null, "\"aws:viewer-id\":\"bob\","
          + "\"aws:viewer-session-version\":2"));
      assertThat(get(url + "?token=" + bob1).statusCode()).as("bob before the revocation").isEqualTo(200);
      ivs.startViewerSessionRevocation(r -> r.channelArn(arn).viewerId("bob")
          .viewerSessionVersionsLessThanOrEqualTo(1));
      await("bob's version-1 token refused after StartViewerSessionRevocation", Duration.ofSeconds(10),
          () -> get(url + "?token=" + bob1).statusCode() == 403);
      assertNoMedia("revoked viewer session", get(url + "?token=" + bob1));
      assertThat(get(url + "?token=" + bob2).statusCode()).as("bob's newer session").isEqualTo(200);
    } finally {
      stop(encoder);
    }
  }

  private static void assertNoMedia(String what, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
    assertThat(response.body()).as(what + ": no playlist in the refusal").doesNotContain("#EXTM3U", "#EXTINF");
  }

  /** The claims IVS reads; {@code extra} is raw JSON members appended (viewer id and session version). */
  private static String claims(String channelArn, long exp, String allowOrigin, String extra) {
    StringBuilder json = new StringBuilder("{\"aws:channel-arn\":\"").append(channelArn).append('"');
    if (allowOrigin != null) {
      json.append(",\"aws:access-control-allow-origin\":\"").append(allowOrigin).append('"');
    }
    if (extra != null) {
      json.append(',').append(extra);
    }
    return json.append(",\"exp\":").append(exp).append('}').toString();
  }

  private static String jwt(PrivateKey key, String alg, String claims) throws Exception {
    String signingInput = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(claims);
    // JWS wants R || S (48 bytes each for P-384), which is the P1363 format, not DER
    Signature signer = Signature.getInstance("SHA384withECDSAinP1363Format");
    signer.initSign(key);
    signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
  }

  /** The valid token's header and signature around other claims. */
  private static String tamper(String token, String claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + b64(claims) + "." + parts[2];
  }

  private static String unsigned(String claims) {
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".";
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static KeyPair p384() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    return generator.generateKeyPair();
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
            pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
  }

  private static HttpResponse<byte[]> getBytes(String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String probe(String url) throws Exception {
    Process probe = new ProcessBuilder(List.of(Tools.require("ffprobe").toString(), "-v", "error", "-show_entries",
        "stream=codec_name,width,height", "-of", "compact", url)).redirectErrorStream(true).start();
    String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("ffprobe finished").isTrue();
    assertThat(probe.exitValue()).as("ffprobe: " + out).isZero();
    return out;
  }
}
