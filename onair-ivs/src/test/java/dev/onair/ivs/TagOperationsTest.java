package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagOperationsTest {
  private final IvsHarness ivs = new IvsHarness();

  @Test
  void tagUntagList() {
    String arn = ivs.createChannel();
    assertThat(ivs.call("TagResource", "resourceArn", arn, "tags", Map.of("a", "1", "b", "2")).members()).isEmpty();
    assertThat(ivs.call("ListTagsForResource", "resourceArn", arn).map("tags").strings())
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
    ivs.call("TagResource", "resourceArn", arn, "tags", Map.of("a", "3"));
    ivs.call("UntagResource", "resourceArn", arn, "tagKeys", List.of("b"));
    assertThat(ivs.call("ListTagsForResource", "resourceArn", arn).map("tags").strings())
        .containsExactlyEntriesOf(Map.of("a", "3"));
  }

  @Test
  void tagResource_checksCarryRequestAndResourceTags() {
    String arn = ivs.createChannel("tags", Map.of("team", "blue"));
    ivs.authorizer.checks.clear();
    ivs.call("TagResource", "resourceArn", arn, "tags", Map.of("env", "prod"));
    assertThat(ivs.authorizer.checks).singleElement().satisfies(check -> {
      assertThat(check.action()).isEqualTo("ivs:TagResource");
      assertThat(check.conditionKeys())
          .containsEntry("aws:ResourceTag/team", List.of("blue"))
          .containsEntry("aws:RequestTag/env", List.of("prod"))
          .containsEntry("aws:TagKeys", List.of("env"));
    });
    ivs.authorizer.checks.clear();
    ivs.call("UntagResource", "resourceArn", arn, "tagKeys", List.of("env"));
    assertThat(ivs.authorizer.checks.get(0).conditionKeys()).containsEntry("aws:TagKeys", List.of("env"));
  }

  @Test
  void tagResource_limitsAndReservedPrefix() {
    String arn = ivs.createChannel();
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      many.put("k" + i, "v");
    }
    ivs.call("TagResource", "resourceArn", arn, "tags", many);
    assertThat(ivs.fail("TagResource", "resourceArn", arn, "tags", Map.of("one-more", "v")).errorCode())
        .isEqualTo(IvsErrorCode.VALIDATION);
    ivs.call("TagResource", "resourceArn", arn, "tags", Map.of("k1", "overwrite"));
    var e = ivs.fail("TagResource", "resourceArn", arn, "tags", Map.of("aws:x", "v"));
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
    assertThat(e.getMessage()).contains("aws:");
  }

  @Test
  void unknownResourceIsNotFound() {
    String arn = "arn:aws:ivs:us-west-2:111122223333:playback-key/abcdABCDefgh";
    assertThat(ivs.fail("ListTagsForResource", "resourceArn", arn).errorCode())
        .isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
    assertThat(ivs.fail("ListTagsForResource", "resourceArn", "arn:aws:ivs:us-west-2:111122223333:stage/abc")
        .errorCode()).isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
  }
}
