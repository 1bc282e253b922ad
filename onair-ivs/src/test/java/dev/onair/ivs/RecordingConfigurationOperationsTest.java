package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingConfigurationOperationsTest {
  private final IvsHarness ivs = new IvsHarness();

  private StructNode create(String bucket, Object... more) {
    Object[] members = new Object[2 + more.length];
    members[0] = "destinationConfiguration";
    members[1] = Map.of("s3", Map.of("bucketName", bucket));
    System.arraycopy(more, 0, members, 2, more.length);
    return ivs.call("CreateRecordingConfiguration", members).struct("recordingConfiguration");
  }

  @Test
  void create_answersCreatingThenActiveWhenBucketUsable() {
    ivs.buckets.add("111122223333/us-west-2/my-bucket");
    StructNode created = create("my-bucket", "name", "rec");
    assertThat(created.string("arn"))
        .matches("arn:aws:ivs:us-west-2:111122223333:recording-configuration/[a-zA-Z0-9]{12}");
    assertThat(created.string("state")).isEqualTo("CREATING");
    assertThat(created.struct("thumbnailConfiguration").string("recordingMode")).isEqualTo("INTERVAL");
    assertThat(created.struct("thumbnailConfiguration").longValue("targetIntervalSeconds")).isEqualTo(60);
    assertThat(created.struct("thumbnailConfiguration").list("storage").strings()).containsExactly("SEQUENTIAL");
    assertThat(created.integer("recordingReconnectWindowSeconds")).isZero();
    assertThat(created.struct("renditionConfiguration").string("renditionSelection")).isEqualTo("ALL");
    StructNode fetched = ivs.call("GetRecordingConfiguration", "arn", created.string("arn"))
        .struct("recordingConfiguration");
    assertThat(fetched.string("state")).isEqualTo("ACTIVE");
  }

  @Test
  void create_missingBucketFails() {
    String arn = create("nobody-bucket").string("arn");
    assertThat(ivs.call("GetRecordingConfiguration", "arn", arn).struct("recordingConfiguration").string("state"))
        .isEqualTo("CREATE_FAILED");
  }

  @Test
  void create_firstOneCreatesServiceLinkedRoleWithCheck() {
    create("b-one");
    create("b-two");
    assertThat(ivs.roles.creations).isEqualTo(1);
    var slrChecks = ivs.authorizer.checks.stream().filter(c -> c.action().equals("iam:CreateServiceLinkedRole"))
        .toList();
    assertThat(slrChecks).singleElement().satisfies(check -> {
      assertThat(check.resourceArn()).isEqualTo(
          "arn:aws:iam::111122223333:role/aws-service-role/ivs.amazonaws.com/AWSServiceRoleForIVSRecordToS3");
      assertThat(check.conditionKeys()).containsEntry("iam:AWSServiceName", List.of("ivs.amazonaws.com"));
    });
  }

  @Test
  void create_deniedServiceLinkedRoleFailsAndCreatesNothing() {
    ivs.authorizer.deny = check -> check.action().equals("iam:CreateServiceLinkedRole");
    assertThat(ivs.fail("CreateRecordingConfiguration",
        "destinationConfiguration", Map.of("s3", Map.of("bucketName", "abc"))).errorCode())
        .isEqualTo(IvsErrorCode.ACCESS_DENIED);
    assertThat(ivs.call("ListRecordingConfigurations").list("recordingConfigurations").items()).isEmpty();
  }

  @Test
  void create_validation() {
    var e = ivs.fail("CreateRecordingConfiguration");
    assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value null at 'destinationConfiguration' "
        + "failed to satisfy constraint: Member must not be null");
    e = ivs.fail("CreateRecordingConfiguration", "destinationConfiguration", Map.of("s3", Map.of("bucketName", "A")),
        "recordingReconnectWindowSeconds", 301);
    assertThat(e.getMessage()).startsWith("3 validation errors detected: ")
        .contains("at 'destinationConfiguration.s3.bucketName'")
        .contains("at 'recordingReconnectWindowSeconds' failed to satisfy constraint: Member must have value less "
            + "than or equal to 300");
    e = ivs.fail("CreateRecordingConfiguration", "destinationConfiguration", Map.of("s3", Map.of("bucketName", "abc")),
        "renditionConfiguration", Map.of("renditionSelection", "CUSTOM"));
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
  }

  @Test
  void delete_conflictsWhileChannelUsesIt() {
    String arn = create("bucket").string("arn");
    String channel = ivs.createChannel("recordingConfigurationArn", arn);
    assertThat(ivs.fail("DeleteRecordingConfiguration", "arn", arn).errorCode()).isEqualTo(IvsErrorCode.CONFLICT);
    StructNode filtered = ivs.call("ListChannels", "filterByRecordingConfigurationArn", arn);
    assertThat(filtered.list("channels").items()).hasSize(1);
    ivs.call("UpdateChannel", "arn", channel, "recordingConfigurationArn", "");
    assertThat(ivs.callRaw("DeleteRecordingConfiguration", IvsHarness.input("arn", arn)).status()).isEqualTo(204);
  }

  @Test
  void quotaAndListDefaultPageSize() {
    ivs.quotas.set(IvsQuota.RECORDING_CONFIGURATIONS, IvsHarness.ACCOUNT, IvsHarness.REGION, 2);
    create("bucket");
    create("bucket");
    assertThat(ivs.fail("CreateRecordingConfiguration",
        "destinationConfiguration", Map.of("s3", Map.of("bucketName", "abc"))).errorCode())
        .isEqualTo(IvsErrorCode.SERVICE_QUOTA_EXCEEDED);
    StructNode list = ivs.call("ListRecordingConfigurations");
    assertThat(list.list("recordingConfigurations").items()).hasSize(2);
    assertThat(list.has("nextToken")).isFalse();
  }
}
