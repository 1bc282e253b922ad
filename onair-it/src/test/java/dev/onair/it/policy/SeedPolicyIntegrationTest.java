package dev.onair.it.policy;

import static dev.onair.it.policy.PolicyClients.ACCOUNT;
import static dev.onair.it.policy.PolicyClients.assertAuthorized;
import static dev.onair.it.policy.PolicyClients.assertDenied;
import static dev.onair.it.policy.PolicyClients.noIdentityPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.AwsCli;
import dev.onair.it.OnairExtension;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The seed scenario: IVS getting started, "Set Up IAM Permissions". A user holding exactly the guide's custom
 * policy can make each call it lists and nothing else, and every refusal is worded as AWS words it.
 */
class SeedPolicyIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  static final String SEED_POLICY = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Action": [
              "ivs:CreateChannel", "ivs:CreateRecordingConfiguration", "ivs:GetChannel", "ivs:GetStream",
              "ivs:GetStreamKey", "ivs:GetStreamSession", "ivs:ListChannels", "ivs:ListRecordingConfigurations",
              "ivs:ListStreamKeys", "ivs:ListStreams", "ivs:ListStreamSessions"
            ],
            "Resource": "*"
          },
          {
            "Effect": "Allow",
            "Action": [
              "cloudwatch:DescribeAlarms", "cloudwatch:GetMetricData",
              "s3:CreateBucket", "s3:GetBucketLocation", "s3:ListAllMyBuckets",
              "servicequotas:ListAWSDefaultServiceQuotas", "servicequotas:ListRequestedServiceQuotaChangeHistory",
              "servicequotas:ListServiceQuotas", "servicequotas:ListServices", "servicequotas:ListTagsForResource"
            ],
            "Resource": "*"
          },
          {
            "Effect": "Allow",
            "Action": ["iam:AttachRolePolicy", "iam:CreateServiceLinkedRole", "iam:PutRolePolicy"],
            "Resource": "arn:aws:iam::*:role/aws-service-role/ivs.amazonaws.com/AWSServiceRoleForIVSRecordToS3*"
          }
        ]
      }""";
  static final String USER = "ivs-streamer";
  static final String USER_ARN = PolicyClients.userArn(USER);

  static PolicyClients admin;
  static PolicyClients user;
  static AccessKey key;

  @BeforeAll
  static void setUp() {
    admin = PolicyClients.admin(ONAIR.process());
    String policyArn = admin.iam.createPolicy(b -> b.policyName("IVSGettingStarted").policyDocument(SEED_POLICY))
        .policy().arn();
    key = PolicyClients.userWithKey(admin.iam, USER);
    admin.iam.attachUserPolicy(b -> b.userName(USER).policyArn(policyArn));
    user = PolicyClients.of(ONAIR.process(), key);
  }

  @AfterAll
  static void tearDown() {
    user.close();
    admin.close();
  }

  @Test
  void ivs_everyListedActionIsAllowed() {
    String channel = user.ivs.createChannel(b -> b.name("seed")).channel().arn();
    user.ivs.getChannel(b -> b.arn(channel));
    String streamKey = user.ivs.listStreamKeys(b -> b.channelArn(channel)).streamKeys().get(0).arn();
    user.ivs.getStreamKey(b -> b.arn(streamKey));
    assertThat(user.ivs.listChannels(b -> { }).channels()).extracting(c -> c.arn()).contains(channel);
    user.ivs.listStreams(b -> { });
    user.ivs.listStreamSessions(b -> b.channelArn(channel));
    user.ivs.listRecordingConfigurations(b -> { });
    // not live and no session: the service's own 404s prove the request was authorized
    assertAuthorized(() -> user.ivs.getStream(b -> b.channelArn(channel)));
    assertAuthorized(() -> user.ivs.getStreamSession(b -> b.channelArn(channel)));
  }

  @Test
  void createRecordingConfiguration_createsTheServiceLinkedRoleWithTheCallersRights() {
    user.s3.createBucket(b -> b.bucket("seed-recordings"));
    String arn = user.ivs.createRecordingConfiguration(b -> b.name("seed-recording")
        .destinationConfiguration(d -> d.s3(s -> s.bucketName("seed-recordings"))))
        .recordingConfiguration().arn();
    assertThat(arn).startsWith("arn:aws:ivs:us-west-2:" + ACCOUNT + ":recording-configuration/");
    assertThat(admin.iam.getRole(b -> b.roleName("AWSServiceRoleForIVSRecordToS3")).role().arn())
        .isEqualTo("arn:aws:iam::" + ACCOUNT
            + ":role/aws-service-role/ivs.amazonaws.com/AWSServiceRoleForIVSRecordToS3");
  }

  @Test
  void monitoringAndS3Reads_areAllowed() {
    user.cloudWatch.describeAlarms();
    user.cloudWatch.getMetricData(b -> b.startTime(Instant.now().minusSeconds(600)).endTime(Instant.now())
        .metricDataQueries(q -> q.id("m1").metricStat(s -> s.period(60).stat("Sum")
            .metric(m -> m.namespace("AWS/IVS").metricName("ConcurrentViews")))));
    user.s3.createBucket(b -> b.bucket("seed-bucket"));
    user.s3.getBucketLocation(b -> b.bucket("seed-bucket"));
    assertThat(user.s3.listBuckets().buckets()).extracting(b -> b.name()).contains("seed-bucket");
    user.quotas.listServices(b -> { });
    user.quotas.listServiceQuotas(b -> b.serviceCode("ivs"));
    user.quotas.listAWSDefaultServiceQuotas(b -> b.serviceCode("ivs"));
    user.quotas.listRequestedServiceQuotaChangeHistory(b -> { });
    assertAuthorized(() -> user.quotas.listTagsForResource(b -> b.resourceARN(
        "arn:aws:servicequotas:us-west-2:" + ACCOUNT + ":ivs/L-GJ2MTXUD")));
  }

  @Test
  void ivs_unlistedAction_isAccessDeniedExceptionWithAwsWording() {
    String channel = admin.ivs.createChannel(b -> b.name("not-yours")).channel().arn();
    assertDenied(() -> user.ivs.deleteChannel(b -> b.arn(channel)), "AccessDeniedException",
        noIdentityPolicy(USER_ARN, "ivs:DeleteChannel", channel));
    assertDenied(() -> user.ivs.updateChannel(b -> b.arn(channel).name("x")), "AccessDeniedException",
        noIdentityPolicy(USER_ARN, "ivs:UpdateChannel", channel));
    assertThat(channel).matches("arn:aws:ivs:us-west-2:" + ACCOUNT + ":channel/[a-zA-Z0-9]{12}");
  }

  @Test
  void otherServices_unlistedActions_areDeniedInTheirProtocolsCodes() {
    assertDenied(() -> user.iam.listUsers(), "AccessDenied",
        noIdentityPolicy(USER_ARN, "iam:ListUsers", "arn:aws:iam::" + ACCOUNT + ":user/"));
    admin.s3.createBucket(b -> b.bucket("seed-private"));
    assertDenied(() -> user.s3.putObject(b -> b.bucket("seed-private").key("k"), RequestBody.fromString("x")),
        "AccessDenied", noIdentityPolicy(USER_ARN, "s3:PutObject", "arn:aws:s3:::seed-private/k"));
    assertDenied(() -> user.iam.createServiceLinkedRole(b -> b.awsServiceName("elasticbeanstalk.amazonaws.com")));
    assertDenied(() -> user.cloudWatch.putMetricData(b -> b.namespace("Custom")
        .metricData(m -> m.metricName("x").value(1.0))));
    assertDenied(() -> user.quotas.requestServiceQuotaIncrease(b -> b.serviceCode("ivs")
        .quotaCode("L-GJ2MTXUD").desiredValue(10.0)));
    assertDenied(() -> user.analyzer.validatePolicy(b -> b.policyDocument(SEED_POLICY)
        .policyType("IDENTITY_POLICY")), "AccessDeniedException",
        noIdentityPolicy(USER_ARN, "access-analyzer:ValidatePolicy", "*"));
  }

  @Test
  void cli_allowedAndDeniedCalls() {
    String channel = admin.ivs.createChannel(b -> b.name("cli")).channel().arn();
    AwsCli.Result list = AwsCli.run(AwsCli.ON_PATH, ONAIR.process(), key.accessKeyId(), key.secretAccessKey(),
        "--region", "us-west-2", "ivs", "list-channels");
    assertThat(list.exitCode()).as(list.stderr()).isZero();
    assertThat(list.stdout()).contains(channel);
    AwsCli.Result delete = AwsCli.run(AwsCli.ON_PATH, ONAIR.process(), key.accessKeyId(), key.secretAccessKey(),
        "--region", "us-west-2", "ivs", "delete-channel", "--arn", channel);
    assertThat(delete.exitCode()).isNotZero();
    assertThat(delete.stderr()).contains("(AccessDeniedException)")
        .contains(noIdentityPolicy(USER_ARN, "ivs:DeleteChannel", channel));
  }
}
