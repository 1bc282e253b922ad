package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Secret;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamKeyOperationsTest {
  private final IvsHarness ivs = new IvsHarness();

  @Test
  void createStreamKey_secondKeyExceedsQuota() {
    String channel = ivs.createChannel();
    var e = ivs.fail("CreateStreamKey", "channelArn", channel);
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.SERVICE_QUOTA_EXCEEDED);
  }

  @Test
  void deleteThenCreate_resetsTheKey() {
    StructNode created = ivs.call("CreateChannel");
    String channel = created.struct("channel").string("arn");
    String oldKey = created.struct("streamKey").string("arn");
    String oldValue = created.struct("streamKey").string("value");
    assertThat(ivs.callRaw("DeleteStreamKey", IvsHarness.input("arn", oldKey)).status()).isEqualTo(204);
    assertThat(ivs.live.deletedKeys).containsExactly(oldKey);
    StructNode key = ivs.call("CreateStreamKey", "channelArn", channel).struct("streamKey");
    assertThat(key.string("arn")).isNotEqualTo(oldKey);
    assertThat(key.string("value")).isNotEqualTo(oldValue).startsWith("sk_us-west-2_");
    assertThat(ivs.deps.streamKeys().findByValue(Secret.of(key.string("value")))).isPresent();
  }

  @Test
  void createStreamKey_unknownChannel() {
    var e = ivs.fail("CreateStreamKey", "channelArn", "arn:aws:ivs:us-west-2:111122223333:channel/abcdABCDefgh");
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
  }

  @Test
  void getStreamKey_includesValue_listDoesNot() {
    StructNode created = ivs.call("CreateChannel");
    String channel = created.struct("channel").string("arn");
    String keyArn = created.struct("streamKey").string("arn");
    StructNode key = ivs.call("GetStreamKey", "arn", keyArn).struct("streamKey");
    assertThat(key.string("value")).isEqualTo(created.struct("streamKey").string("value"));
    StructNode list = ivs.call("ListStreamKeys", "channelArn", channel);
    StructNode summary = (StructNode) list.list("streamKeys").items().get(0);
    assertThat(summary.string("arn")).isEqualTo(keyArn);
    assertThat(summary.has("value")).isFalse();
  }

  @Test
  void listStreamKeys_checksChannelAndKeyType() {
    String channel = ivs.createChannel();
    ivs.authorizer.checks.clear();
    ivs.call("ListStreamKeys", "channelArn", channel);
    assertThat(ivs.authorizer.checks).extracting(c -> c.resourceArn())
        .containsExactly(channel, "arn:aws:ivs:us-west-2:111122223333:stream-key/*");
  }

  @Test
  void batchGetStreamKey() {
    StructNode created = ivs.call("CreateChannel");
    String keyArn = created.struct("streamKey").string("arn");
    StructNode out = ivs.call("BatchGetStreamKey",
        "arns", List.of(keyArn, "arn:aws:ivs:us-west-2:111122223333:stream-key/zzzzzzzzzzzz"));
    assertThat(out.list("streamKeys").items()).hasSize(1);
    assertThat(out.list("errors").items()).hasSize(1);
  }

  @Test
  void streamKeyToStringHidesValue() {
    StructNode created = ivs.call("CreateChannel");
    String value = created.struct("streamKey").string("value");
    var key = ivs.deps.streamKeys().findByValue(Secret.of(value)).orElseThrow();
    assertThat(key.toString()).doesNotContain(value);
  }
}
