package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.tree.StructNode;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaybackOperationsTest {
  private final IvsHarness ivs = new IvsHarness();

  static String pem(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    byte[] der = generator.generateKeyPair().getPublic().getEncoded();
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
  }

  @Test
  void importPlaybackKeyPair_lifecycle() throws Exception {
    String material = pem("secp384r1");
    StructNode keyPair = ivs.call("ImportPlaybackKeyPair", "publicKeyMaterial", material, "name", "k1",
        "tags", Map.of("a", "b")).struct("keyPair");
    assertThat(keyPair.string("arn")).matches("arn:aws:ivs:us-west-2:111122223333:playback-key/[a-zA-Z0-9]{12}");
    assertThat(keyPair.string("fingerprint")).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
    assertThat(ivs.fail("ImportPlaybackKeyPair", "publicKeyMaterial", material).errorCode())
        .isEqualTo(IvsErrorCode.CONFLICT);
    assertThat(ivs.call("GetPlaybackKeyPair", "arn", keyPair.string("arn")).struct("keyPair").string("name"))
        .isEqualTo("k1");
    StructNode summary = (StructNode) ivs.call("ListPlaybackKeyPairs").list("keyPairs").items().get(0);
    assertThat(summary.has("fingerprint")).isFalse();
    var result = ivs.callRaw("DeletePlaybackKeyPair", IvsHarness.input("arn", keyPair.string("arn")));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body().members()).isEmpty();
  }

  @Test
  void importPlaybackKeyPair_rejectsOtherCurvesAndGarbage() throws Exception {
    assertThat(ivs.fail("ImportPlaybackKeyPair", "publicKeyMaterial", pem("secp256r1")).errorCode())
        .isEqualTo(IvsErrorCode.VALIDATION);
    assertThat(ivs.fail("ImportPlaybackKeyPair", "publicKeyMaterial", "hello").errorCode())
        .isEqualTo(IvsErrorCode.VALIDATION);
    assertThat(ivs.fail("ImportPlaybackKeyPair").getMessage()).contains("'publicKeyMaterial'");
  }

  @Test
  void importPlaybackKeyPair_atMostThree() throws Exception {
    for (int i = 0; i < 3; i++) {
      ivs.call("ImportPlaybackKeyPair", "publicKeyMaterial", pem("secp384r1"));
    }
    assertThat(ivs.fail("ImportPlaybackKeyPair", "publicKeyMaterial", pem("secp384r1")).errorCode())
        .isEqualTo(IvsErrorCode.SERVICE_QUOTA_EXCEEDED);
  }

  @Test
  void playbackRestrictionPolicy_lifecycle() {
    StructNode policy = ivs.call("CreatePlaybackRestrictionPolicy", "allowedCountries", List.of("US", "MX"),
        "allowedOrigins", List.of("https://a.example"), "name", "p").struct("playbackRestrictionPolicy");
    String arn = policy.string("arn");
    assertThat(arn).matches("arn:aws:ivs:us-west-2:111122223333:playback-restriction-policy/[a-zA-Z0-9]{12}");
    assertThat(policy.bool("enableStrictOriginEnforcement")).isFalse();
    StructNode updated = ivs.call("UpdatePlaybackRestrictionPolicy", "arn", arn,
        "enableStrictOriginEnforcement", true).struct("playbackRestrictionPolicy");
    assertThat(updated.bool("enableStrictOriginEnforcement")).isTrue();
    assertThat(updated.list("allowedCountries").strings()).containsExactly("US", "MX");
    String channel = ivs.createChannel("playbackRestrictionPolicyArn", arn);
    assertThat(ivs.fail("DeletePlaybackRestrictionPolicy", "arn", arn).errorCode())
        .isEqualTo(IvsErrorCode.CONFLICT);
    ivs.call("DeleteChannel", "arn", channel);
    assertThat(ivs.callRaw("DeletePlaybackRestrictionPolicy", IvsHarness.input("arn", arn)).status())
        .isEqualTo(204);
  }

  @Test
  void playbackRestrictionPolicy_countriesMustBeIso() {
    var e = ivs.fail("CreatePlaybackRestrictionPolicy", "allowedCountries", List.of("US", "USA"));
    assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value 'USA' at 'allowedCountries.2.member' "
        + "failed to satisfy constraint: Member must have length less than or equal to 2");
    e = ivs.fail("CreatePlaybackRestrictionPolicy", "allowedCountries", List.of("XX"));
    assertThat(e.getMessage()).contains("ISO 3166-1 alpha-2");
  }

  @Test
  void listPlaybackRestrictionPolicies_defaultPageIsOneAsDocumented() {
    ivs.call("CreatePlaybackRestrictionPolicy");
    ivs.call("CreatePlaybackRestrictionPolicy");
    StructNode page = ivs.call("ListPlaybackRestrictionPolicies");
    assertThat(page.list("playbackRestrictionPolicies").items()).hasSize(1);
    StructNode next = ivs.call("ListPlaybackRestrictionPolicies", "nextToken", page.string("nextToken"));
    assertThat(next.list("playbackRestrictionPolicies").items()).hasSize(1);
    assertThat(next.has("nextToken")).isFalse();
    assertThat(ivs.authorizer.checks.get(ivs.authorizer.checks.size() - 1).resourceArn()).isEqualTo("*");
  }

  @Test
  void viewerSessionRevocation() {
    String channel = ivs.createChannel();
    assertThat(ivs.call("StartViewerSessionRevocation", "channelArn", channel, "viewerId", "v1",
        "viewerSessionVersionsLessThanOrEqualTo", 4).members()).isEmpty();
    assertThat(ivs.deps.viewerSessionRevocations().find(channel, "v1").orElseThrow().revokes(channel, "v1", 4))
        .isTrue();
    String missing = "arn:aws:ivs:us-west-2:111122223333:channel/zzzzzzzzzzzz";
    StructNode out = ivs.call("BatchStartViewerSessionRevocation", "viewerSessions", List.of(
        Map.of("channelArn", channel, "viewerId", "v2"), Map.of("channelArn", missing, "viewerId", "v3")));
    assertThat(out.list("errors").items()).singleElement().satisfies(n -> {
      assertThat(((StructNode) n).string("channelArn")).isEqualTo(missing);
      assertThat(((StructNode) n).string("code")).isEqualTo("404");
    });
    assertThat(ivs.fail("StartViewerSessionRevocation", "channelArn", missing, "viewerId", "v").errorCode())
        .isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
    assertThat(ivs.fail("StartViewerSessionRevocation", "channelArn", channel, "viewerId", "x".repeat(41))
        .errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
  }
}
