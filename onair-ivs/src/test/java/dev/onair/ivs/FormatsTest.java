package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {
  private final IdGenerator ids = new IdGenerator();

  @Test
  void ids_matchIvsFormats() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = ids.resourceId();
      assertThat(id).matches("[a-zA-Z0-9]{12}");
      seen.add(id);
    }
    assertThat(seen).hasSize(1000);
    assertThat(ids.streamKeyValue("eu-west-1")).matches("sk_eu-west-1_[a-zA-Z0-9]{12}_[a-zA-Z0-9]{30}");
    assertThat(ids.streamId()).hasSize(26).matches("st-[a-zA-Z0-9]{23}");
  }

  @ParameterizedTest
  @CsvSource({
      "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh, CHANNEL",
      "arn:aws:ivs:us-west-2:123456789012:stream-key/abcdABCDefgh, STREAM_KEY",
      "arn:aws:ivs:eu-central-1:123456789012:recording-configuration/abc, RECORDING_CONFIGURATION",
      "arn:aws:ivs:us-west-2:123456789012:playback-key/abc-def, PLAYBACK_KEY_PAIR",
      "arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/abc, PLAYBACK_RESTRICTION_POLICY"})
  void arn_parsesEveryResourceType(String arn, ResourceType type) {
    IvsArn parsed = IvsArn.parse(arn).orElseThrow();
    assertThat(parsed.type()).isEqualTo(type);
    assertThat(parsed.toString()).isEqualTo(arn);
  }

  @ParameterizedTest
  @CsvSource({
      "arn:aws:ivs:us-west-2:123456789012:stage/abc",
      "arn:aws:ivs:us-west-2:123456789012:playback-key-pair/abc",
      "arn:aws-cn:ivs:cn-north-1:123456789012:channel/abc",
      "arn:aws:ivs:us-west-2:123456789012:channel/",
      "arn:aws:s3:::bucket"})
  void arn_rejectsOthers(String arn) {
    assertThat(IvsArn.parse(arn)).isEmpty();
  }

  @Test
  void endpoints() {
    IvsEndpoints endpoints = new IvsEndpoints("live.example.org", 8080, 1935, 443);
    assertThat(endpoints.ingestEndpoint()).isEqualTo("live.example.org");
    assertThat(endpoints.playbackUrl("us-west-2", "123456789012", "abcdABCDefgh"))
        .isEqualTo("http://live.example.org:8080/api/video/v1/us-west-2.123456789012.channel.abcdABCDefgh.m3u8");
    assertThat(endpoints.rtmpIngestUrl()).isEqualTo("rtmp://live.example.org:1935/app/");
  }

  @Test
  void router_routesOperationsAndTags() {
    IvsRestRouter router = new IvsRestRouter(Set.of("CreateChannel", "TagResource", "UntagResource",
        "ListTagsForResource"));
    assertThat(router.route(request("POST", "/CreateChannel", "")).orElseThrow().operationName())
        .isEqualTo("CreateChannel");
    assertThat(router.route(request("GET", "/CreateChannel", ""))).isEmpty();
    assertThat(router.route(request("POST", "/Nope", ""))).isEmpty();
    assertThat(router.route(request("POST", "/TagResource", ""))).isEmpty();
    String encoded = "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2FabcdABCDefgh";
    var list = router.route(request("GET", encoded, "")).orElseThrow();
    assertThat(list.operationName()).isEqualTo("ListTagsForResource");
    assertThat(list.boundMembers().string("resourceArn"))
        .isEqualTo("arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh");
    assertThat(router.route(request("POST", encoded, "")).orElseThrow().operationName()).isEqualTo("TagResource");
    var untag = router.route(request("DELETE", encoded, "tagKeys=a&tagKeys=b%20c")).orElseThrow();
    assertThat(untag.operationName()).isEqualTo("UntagResource");
    assertThat(untag.boundMembers().list("tagKeys").strings()).containsExactly("a", "b c");
    assertThat(router.route(request("PUT", encoded, ""))).isEmpty();
  }

  @Test
  void serviceDefinition() {
    var definition = new IvsHarness().definition;
    assertThat(definition.signingName()).isEqualTo("ivs");
    assertThat(definition.operationNames()).hasSize(35);
    assertThat(definition.accessDenied().code()).isEqualTo("AccessDeniedException");
    assertThat(IvsErrorCode.PENDING_VERIFICATION.code()).isEqualTo("PendingVerification");
    assertThat(IvsErrorCode.SERVICE_QUOTA_EXCEEDED.httpStatus()).isEqualTo(402);
    assertThat(IvsErrorCode.STREAM_UNAVAILABLE.isSenderFault()).isFalse();
  }

  @Test
  void quotas_defaultsOverridesAndRuntimeChanges() {
    IvsQuotas quotas = new IvsQuotas();
    assertThat(quotas.limit(IvsQuota.STREAM_KEYS_PER_CHANNEL, "1", "r")).isEqualTo(1);
    assertThat(quotas.limit(IvsQuota.PLAYBACK_KEY_PAIRS, "1", "r")).isEqualTo(3);
    assertThat(quotas.limit(IvsQuota.TAGS_PER_RESOURCE, "1", "r")).isEqualTo(50);
    quotas.set(IvsQuota.CHANNELS, "1", "r", 7);
    quotas.setDefault(IvsQuota.CHANNELS, 9);
    assertThat(quotas.limit(IvsQuota.CHANNELS, "1", "r")).isEqualTo(7);
    assertThat(quotas.limit(IvsQuota.CHANNELS, "2", "r")).isEqualTo(9);
    assertThat(quotas.effective("1", "r")).containsEntry(IvsQuota.CHANNELS, 7L);
  }

  private static HttpRequest request(String method, String path, String query) {
    return new HttpRequest(method, path, query, HttpHeaders.EMPTY, new byte[0], "127.0.0.1", false);
  }
}
