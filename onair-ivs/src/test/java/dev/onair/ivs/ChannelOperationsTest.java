package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamHealth;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.tree.StructNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelOperationsTest {
  private final IvsHarness ivs = new IvsHarness();

  @Test
  void createChannel_defaults() {
    StructNode out = ivs.call("CreateChannel");
    StructNode channel = out.struct("channel");
    assertThat(channel.string("arn")).matches("arn:aws:ivs:us-west-2:111122223333:channel/[a-zA-Z0-9]{12}");
    assertThat(channel.string("name")).isEmpty();
    assertThat(channel.string("latencyMode")).isEqualTo("LOW");
    assertThat(channel.string("type")).isEqualTo("STANDARD");
    assertThat(channel.bool("authorized")).isFalse();
    assertThat(channel.bool("insecureIngest")).isFalse();
    assertThat(channel.string("containerFormat")).isEqualTo("TS");
    assertThat(channel.string("preset")).isEmpty();
    assertThat(channel.string("recordingConfigurationArn")).isEmpty();
    assertThat(channel.string("playbackRestrictionPolicyArn")).isEmpty();
    assertThat(channel.struct("multitrackInputConfiguration").bool("enabled")).isFalse();
    assertThat(channel.struct("multitrackInputConfiguration").string("policy")).isEqualTo("ALLOW");
    assertThat(channel.struct("multitrackInputConfiguration").string("maximumResolution")).isEqualTo("FULL_HD");
    assertThat(channel.string("ingestEndpoint")).isEqualTo("onair.example");
    String id = channel.string("arn").substring(channel.string("arn").lastIndexOf('/') + 1);
    assertThat(channel.string("playbackUrl"))
        .isEqualTo("http://onair.example:8080/api/video/v1/us-west-2.111122223333.channel." + id + ".m3u8");
    assertThat(channel.map("tags").entries()).isEmpty();

    StructNode key = out.struct("streamKey");
    assertThat(key.string("arn")).matches("arn:aws:ivs:us-west-2:111122223333:stream-key/[a-zA-Z0-9]{12}");
    assertThat(key.string("value")).matches("sk_us-west-2_[a-zA-Z0-9]{12}_[a-zA-Z0-9]{30}");
    assertThat(key.string("channelArn")).isEqualTo(channel.string("arn"));
  }

  @Test
  void createChannel_advancedTypeGetsDefaultPreset() {
    StructNode channel = ivs.call("CreateChannel", "type", "ADVANCED_HD").struct("channel");
    assertThat(channel.string("preset")).isEqualTo("HIGHER_BANDWIDTH_DELIVERY");
  }

  @Test
  void createChannel_presetOnStandardIsRejected() {
    var e = ivs.fail("CreateChannel", "preset", "CONSTRAINED_BANDWIDTH_DELIVERY");
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
  }

  @Test
  void createChannel_multitrackNeedsStandardAndFragmentedMp4() {
    var multitrack = Map.of("enabled", true, "policy", "REQUIRE", "maximumResolution", "HD");
    assertThat(ivs.fail("CreateChannel", "multitrackInputConfiguration", multitrack).errorCode())
        .isEqualTo(IvsErrorCode.VALIDATION);
    assertThat(ivs.fail("CreateChannel", "type", "BASIC", "containerFormat", "FRAGMENTED_MP4",
        "multitrackInputConfiguration", multitrack).errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
    StructNode channel = ivs.call("CreateChannel", "containerFormat", "FRAGMENTED_MP4",
        "multitrackInputConfiguration", multitrack).struct("channel");
    assertThat(channel.struct("multitrackInputConfiguration").bool("enabled")).isTrue();
    assertThat(channel.struct("multitrackInputConfiguration").string("policy")).isEqualTo("REQUIRE");
  }

  @Test
  void createChannel_unknownRecordingConfigurationIsNotFound() {
    var e = ivs.fail("CreateChannel",
        "recordingConfigurationArn", "arn:aws:ivs:us-west-2:111122223333:recording-configuration/abcdABCDefgh");
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
  }

  @Test
  void createChannel_tagsGoToChannelAndKeyAndIntoAuthorization() {
    StructNode out = ivs.call("CreateChannel", "name", "blue", "tags", Map.of("team", "blue"));
    assertThat(out.struct("channel").map("tags").strings()).containsEntry("team", "blue");
    assertThat(out.struct("streamKey").map("tags").strings()).containsEntry("team", "blue");
    assertThat(ivs.authorizer.checks).hasSize(2);
    AuthorizationCheck channelCheck = ivs.authorizer.checks.get(0);
    assertThat(channelCheck.action()).isEqualTo("ivs:CreateChannel");
    assertThat(channelCheck.resourceArn()).isEqualTo(out.struct("channel").string("arn"));
    assertThat(channelCheck.conditionKeys()).containsEntry("aws:RequestTag/team", List.of("blue"))
        .containsEntry("aws:TagKeys", List.of("team"));
    assertThat(ivs.authorizer.checks.get(1).resourceArn()).isEqualTo(out.struct("streamKey").string("arn"));
  }

  @Test
  void createChannel_deniedCreatesNothing() {
    ivs.authorizer.deny = check -> true;
    assertThat(ivs.fail("CreateChannel").errorCode()).isEqualTo(IvsErrorCode.ACCESS_DENIED);
    ivs.authorizer.deny = check -> false;
    assertThat(ivs.call("ListChannels").list("channels").items()).isEmpty();
  }

  @Test
  void createChannel_quota() {
    ivs.quotas.set(IvsQuota.CHANNELS, IvsHarness.ACCOUNT, IvsHarness.REGION, 2);
    String first = ivs.createChannel();
    ivs.createChannel();
    var e = ivs.fail("CreateChannel", "tags", Map.of("team", "blue"));
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.SERVICE_QUOTA_EXCEEDED);
    assertThat(e.errorCode().httpStatus()).isEqualTo(402);
    assertThat(e.getMessage()).isEqualTo("Quota exceeded: Channels is limited to 2");
    assertThat(ivs.deps.channels().count(IvsHarness.ACCOUNT, IvsHarness.REGION)).isEqualTo(2);
    // Deleting frees a slot; the channel's key goes with it.
    assertThat(ivs.deps.streamKeys().findByChannel(first)).hasSize(1);
    ivs.call("DeleteChannel", "arn", first);
    assertThat(ivs.deps.streamKeys().findByChannel(first)).isEmpty();
    ivs.createChannel();
    ivs.quotas.set(IvsQuota.CHANNELS, IvsHarness.ACCOUNT, IvsHarness.REGION, 3);
    ivs.createChannel();
    assertThat(ivs.call("ListChannels").list("channels").items()).hasSize(3);
  }

  @Test
  void getChannel_carriesResourceTagsIntoCheck() {
    String arn = ivs.createChannel("tags", Map.of("team", "blue"));
    ivs.authorizer.checks.clear();
    StructNode channel = ivs.call("GetChannel", "arn", arn).struct("channel");
    assertThat(channel.string("arn")).isEqualTo(arn);
    assertThat(ivs.authorizer.checks).singleElement().satisfies(check -> {
      assertThat(check.action()).isEqualTo("ivs:GetChannel");
      assertThat(check.resourceArn()).isEqualTo(arn);
      assertThat(check.conditionKeys()).containsEntry("aws:ResourceTag/team", List.of("blue"));
    });
  }

  /**
   * The check's read is the answer's read: tags changed between the decision and the handler are not in the
   * answer (the call answers as of its one read), while a handler run for another call reads for itself.
   */
  @Test
  void getChannel_answersFromTheReadItsCheckMade_andOnlyForTheSameCall() {
    String arn = ivs.createChannel("tags", Map.of("team", "blue"));
    Operation get = ivs.definition.operation("GetChannel");
    StructNode input = IvsHarness.input("arn", arn);
    CallContext call = ivs.context();
    assertThat(get.authorization().checks(call, input)).singleElement()
        .satisfies(check -> assertThat(check.conditionKeys()).containsEntry("aws:ResourceTag/team", List.of("blue")));
    ivs.deps.tags().put(arn, Map.of("team", "red"));
    assertThat(tags(get.handler().handle(call, input))).containsExactly(Map.entry("team", "blue"));
    // the slot was emptied: the same call's handler run again, and any other call, read the store
    assertThat(tags(get.handler().handle(call, input))).containsExactly(Map.entry("team", "red"));
    get.authorization().checks(call, input);
    ivs.deps.tags().put(arn, Map.of("team", "green"));
    assertThat(tags(get.handler().handle(ivs.context(), input))).containsExactly(Map.entry("team", "green"));
  }

  @Test
  void getChannel_aDeniedCheckLeavesNothingForTheNextCall() {
    String secret = ivs.createChannel("name", "secret", "tags", Map.of("secret", "yes"));
    String open = ivs.createChannel("name", "open");
    ivs.authorizer.deny = check -> check.conditionKeys().containsKey("aws:ResourceTag/secret");
    assertThat(ivs.fail("GetChannel", "arn", secret).errorCode()).isEqualTo(IvsErrorCode.ACCESS_DENIED);
    assertThat(ivs.call("GetChannel", "arn", open).struct("channel").string("name")).isEqualTo("open");
    ivs.deps.channels().delete(open);
    assertThat(ivs.fail("GetChannel", "arn", open).errorCode()).isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
  }

  private static Map<String, String> tags(OperationResult result) {
    return ((OperationResult.Output) result).body().struct("channel").map("tags").strings();
  }

  @Test
  void getChannel_missingAndOtherRegionAreNotFound() {
    String arn = ivs.createChannel();
    assertThat(ivs.fail("GetChannel", "arn", arn.replace("channel/", "channel/x")).errorCode())
        .isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
    ivs.region = "eu-west-1";
    var e = ivs.fail("GetChannel", "arn", arn);
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
    assertThat(e.getMessage()).isEqualTo("Resource: " + arn + " not found");
  }

  @Test
  void batchGetChannel_returnsFoundAndErrors() {
    String a = ivs.createChannel();
    String b = ivs.createChannel("tags", Map.of("secret", "yes"));
    String missing = "arn:aws:ivs:us-west-2:111122223333:channel/nothinghere1";
    ivs.authorizer.deny = check -> check.conditionKeys().containsKey("aws:ResourceTag/secret");
    StructNode out = ivs.call("BatchGetChannel", "arns", List.of(a, b, missing));
    assertThat(out.list("channels").items()).hasSize(1);
    List<String> codes = new ArrayList<>();
    out.list("errors").items().forEach(n -> codes.add(((StructNode) n).string("code")));
    assertThat(codes).containsExactly("403", "404");
  }

  @Test
  void listChannels_pagesThroughEverything() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      created.add(ivs.createChannel("name", "c" + i));
    }
    Set<String> seen = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      StructNode page = token == null
          ? ivs.call("ListChannels", "maxResults", 3)
          : ivs.call("ListChannels", "maxResults", 3, "nextToken", token);
      page.list("channels").items().forEach(n -> seen.add(((StructNode) n).string("arn")));
      assertThat(page.list("channels").items().size()).isLessThanOrEqualTo(3);
      token = page.string("nextToken");
      pages++;
    } while (token != null);
    assertThat(seen).isEqualTo(created);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void listChannels_filtersAndConflict() {
    ivs.createChannel("name", "alpha");
    ivs.createChannel("name", "beta");
    StructNode out = ivs.call("ListChannels", "filterByName", "alpha");
    assertThat(out.list("channels").items()).singleElement()
        .satisfies(n -> assertThat(((StructNode) n).string("name")).isEqualTo("alpha"));
    assertThat(((StructNode) out.list("channels").items().get(0)).has("playbackUrl")).isFalse();
    var e = ivs.fail("ListChannels", "filterByName", "alpha",
        "filterByRecordingConfigurationArn", "arn:aws:ivs:us-west-2:111122223333:recording-configuration/abc");
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.CONFLICT);
    assertThat(ivs.fail("ListChannels", "nextToken", "garbage!").errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
    assertThat(ivs.fail("ListChannels", "nextToken", "Z2FyYmFnZQ").errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
  }

  @Test
  void listChannels_authorizesOnWildcard() {
    ivs.call("ListChannels");
    assertThat(ivs.authorizer.checks).singleElement().satisfies(check ->
        assertThat(check.resourceArn()).isEqualTo("arn:aws:ivs:us-west-2:111122223333:channel/*"));
  }

  @Test
  void updateChannel_changesOnlyGivenMembers() {
    String arn = ivs.createChannel("name", "before", "authorized", true);
    StructNode channel = ivs.call("UpdateChannel", "arn", arn, "latencyMode", "NORMAL").struct("channel");
    assertThat(channel.string("name")).isEqualTo("before");
    assertThat(channel.bool("authorized")).isTrue();
    assertThat(channel.string("latencyMode")).isEqualTo("NORMAL");
    assertThat(ivs.call("GetChannel", "arn", arn).struct("channel").string("latencyMode")).isEqualTo("NORMAL");
    channel = ivs.call("UpdateChannel", "arn", arn, "type", "ADVANCED_SD").struct("channel");
    assertThat(channel.string("preset")).isEqualTo("HIGHER_BANDWIDTH_DELIVERY");
    channel = ivs.call("UpdateChannel", "arn", arn, "type", "BASIC").struct("channel");
    assertThat(channel.string("preset")).isEmpty();
  }

  @Test
  void updateAndDelete_liveChannelConflicts() {
    String arn = ivs.createChannel();
    ivs.live.live.put(arn, new LiveStream(arn, "st-" + "a".repeat(23), Instant.EPOCH, StreamHealth.HEALTHY, 1));
    assertThat(ivs.fail("UpdateChannel", "arn", arn, "name", "x").errorCode()).isEqualTo(IvsErrorCode.CONFLICT);
    assertThat(ivs.fail("DeleteChannel", "arn", arn).errorCode()).isEqualTo(IvsErrorCode.CONFLICT);
  }

  @Test
  void deleteChannel_removesKeysAndTagsAndAnswers204() {
    StructNode created = ivs.call("CreateChannel", "tags", Map.of("a", "b"));
    String arn = created.struct("channel").string("arn");
    String keyArn = created.struct("streamKey").string("arn");
    ivs.authorizer.checks.clear();
    var result = ivs.callRaw("DeleteChannel", IvsHarness.input("arn", arn));
    assertThat(result.status()).isEqualTo(204);
    assertThat(ivs.authorizer.checks).extracting(AuthorizationCheck::resourceArn).containsExactly(arn, keyArn);
    assertThat(ivs.fail("GetChannel", "arn", arn).errorCode()).isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
    assertThat(ivs.fail("GetStreamKey", "arn", keyArn).errorCode()).isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
    assertThat(ivs.deps.tags().tags(arn)).isEmpty();
    assertThat(ivs.deps.tags().tags(keyArn)).isEmpty();
    assertThat(ivs.fail("DeleteChannel", "arn", arn).errorCode()).isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
  }
}
