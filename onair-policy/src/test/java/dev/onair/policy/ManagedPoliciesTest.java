package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.policy.managed.AwsManagedPolicies;
import dev.onair.policy.managed.ManagedPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The AWS managed policies Onair ships, and the seed's custom policy from IVS's "Set Up IAM Permissions". */
class ManagedPoliciesTest {
    private static final String SLR = "arn:aws:iam::123456789012:role/aws-service-role/ivs.amazonaws.com/AWSServiceRoleForIVSRecordToS3";

    /** The custom policy of the IVS getting-started guide, step "Set Up IAM Permissions". */
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
                    "cloudwatch:DescribeAlarms", "cloudwatch:GetMetricData", "s3:CreateBucket",
                    "s3:GetBucketLocation", "s3:ListAllMyBuckets", "servicequotas:ListAWSDefaultServiceQuotas",
                    "servicequotas:ListRequestedServiceQuotaChangeHistory", "servicequotas:ListServiceQuotas",
                    "servicequotas:ListServices", "servicequotas:ListTagsForResource"
                  ],
                  "Resource": "*"
                },
                {
                  "Effect": "Allow",
                  "Action": ["iam:AttachRolePolicy", "iam:CreateServiceLinkedRole", "iam:PutRolePolicy"],
                  "Resource": "arn:aws:iam::*:role/aws-service-role/ivs.amazonaws.com/AWSServiceRoleForIVSRecordToS3*"
                }
              ]
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"AdministratorAccess", "ReadOnlyAccess", "PowerUserAccess", "IAMFullAccess",
        "IAMReadOnlyAccess", "IAMUserChangePassword", "IVSFullAccess", "IVSReadOnlyAccess", "AmazonS3FullAccess",
        "AmazonS3ReadOnlyAccess", "CloudWatchReadOnlyAccess", "CloudWatchFullAccess", "ServiceQuotasReadOnlyAccess",
        "ServiceQuotasFullAccess", "IVSRecordToS3"})
    void managedPolicy_isServedWithMetadata(String name) {
        ManagedPolicy policy = AwsManagedPolicies.byName(name).orElseThrow();
        assertThat(policy.arn()).startsWith("arn:aws:iam::aws:policy/").endsWith("/" + name);
        assertThat(policy.defaultVersionId()).matches("v[1-9][0-9]*");
        assertThat(policy.createDate()).isNotBlank();
        assertThat(policy.description()).isNotBlank();
        assertThat(AwsManagedPolicies.byArn(policy.arn())).contains(policy);
        assertThat(PolicyParser.parse(policy.documentJson(), PolicyKind.IDENTITY)).isEqualTo(policy.document());
    }

    @Test
    void serviceLinkedRolePolicy_usesAwsPath() {
        assertThat(AwsManagedPolicies.byArn("arn:aws:iam::aws:policy/aws-service-role/IVSRecordToS3")).isPresent();
    }

    static Stream<Arguments> managedDecisions() {
        return Stream.of(
                Arguments.of("IVSReadOnlyAccess allows GetChannel", "IVSReadOnlyAccess", "ivs:GetChannel", true),
                Arguments.of("IVSReadOnlyAccess withholds stream keys", "IVSReadOnlyAccess", "ivs:GetStreamKey", false),
                Arguments.of("IVSReadOnlyAccess denies DeleteChannel", "IVSReadOnlyAccess", "ivs:DeleteChannel", false),
                Arguments.of("IVSFullAccess allows DeleteChannel", "IVSFullAccess", "ivs:DeleteChannel", true),
                Arguments.of("IVSFullAccess does not grant S3", "IVSFullAccess", "s3:GetObject", false),
                Arguments.of("AdministratorAccess allows anything", "AdministratorAccess", "iam:CreateUser", true),
                Arguments.of("PowerUserAccess excludes IAM user management", "PowerUserAccess", "iam:CreateUser", false),
                Arguments.of("PowerUserAccess allows IVS", "PowerUserAccess", "ivs:CreateChannel", true),
                Arguments.of("PowerUserAccess keeps iam:CreateServiceLinkedRole", "PowerUserAccess", "iam:CreateServiceLinkedRole", true),
                Arguments.of("ReadOnlyAccess allows ivs:ListChannels", "ReadOnlyAccess", "ivs:ListChannels", true),
                Arguments.of("ReadOnlyAccess denies ivs:CreateChannel", "ReadOnlyAccess", "ivs:CreateChannel", false),
                Arguments.of("IAMReadOnlyAccess allows iam:GetUser", "IAMReadOnlyAccess", "iam:GetUser", true),
                Arguments.of("IAMReadOnlyAccess denies iam:CreateUser", "IAMReadOnlyAccess", "iam:CreateUser", false),
                Arguments.of("AmazonS3ReadOnlyAccess allows s3:GetObject", "AmazonS3ReadOnlyAccess", "s3:GetObject", true),
                Arguments.of("AmazonS3ReadOnlyAccess denies s3:PutObject", "AmazonS3ReadOnlyAccess", "s3:PutObject", false),
                Arguments.of("CloudWatchReadOnlyAccess allows GetMetricData", "CloudWatchReadOnlyAccess", "cloudwatch:GetMetricData", true),
                Arguments.of("ServiceQuotasReadOnlyAccess allows ListServiceQuotas", "ServiceQuotasReadOnlyAccess", "servicequotas:ListServiceQuotas", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managedDecisions")
    void managedPolicy_decides(String rule, String name, String action, boolean expected) {
        CompiledPolicySet set = PolicySet.of(List.of(AwsManagedPolicies.byName(name).orElseThrow().attached())).compile();
        String resource = action.startsWith("ivs:") ? Fixtures.CHANNEL : "*";
        assertThat(Fixtures.evaluate(set, Fixtures.ALICE, action, resource, RequestContext.empty()).allowed())
                .isEqualTo(expected);
    }

    static Stream<Arguments> seedDecisions() {
        return Stream.of(
                Arguments.of("seed allows ivs:CreateChannel", "ivs:CreateChannel", Fixtures.CHANNEL, true),
                Arguments.of("seed allows ivs:GetStreamKey", "ivs:GetStreamKey", "arn:aws:ivs:us-east-1:123456789012:stream-key/k", true),
                Arguments.of("seed allows ivs:ListStreamSessions", "ivs:ListStreamSessions", Fixtures.CHANNEL, true),
                Arguments.of("seed denies ivs:DeleteChannel", "ivs:DeleteChannel", Fixtures.CHANNEL, false),
                Arguments.of("seed denies ivs:UpdateChannel", "ivs:UpdateChannel", Fixtures.CHANNEL, false),
                Arguments.of("seed allows cloudwatch:GetMetricData", "cloudwatch:GetMetricData", "*", true),
                Arguments.of("seed allows s3:CreateBucket", "s3:CreateBucket", "arn:aws:s3:::recordings", true),
                Arguments.of("seed denies s3:PutObject", "s3:PutObject", "arn:aws:s3:::recordings/x", false),
                Arguments.of("seed allows servicequotas:ListServices", "servicequotas:ListServices", "*", true),
                Arguments.of("seed allows iam:CreateServiceLinkedRole on the IVS role", "iam:CreateServiceLinkedRole", SLR, true),
                Arguments.of("seed allows iam:PutRolePolicy on the IVS role", "iam:PutRolePolicy", SLR, true),
                Arguments.of("seed denies iam:CreateServiceLinkedRole on another role", "iam:CreateServiceLinkedRole", "arn:aws:iam::123456789012:role/aws-service-role/other.amazonaws.com/X", false),
                Arguments.of("seed denies iam:CreateUser", "iam:CreateUser", "arn:aws:iam::123456789012:user/bob", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedDecisions")
    void seedPolicy_decides(String rule, String action, String resource, boolean expected) {
        CompiledPolicySet set = PolicySet.of(List.of(Fixtures.attached("IVSGettingStarted", SEED_POLICY))).compile();
        EvaluationResult result = Fixtures.evaluate(set, Fixtures.ALICE, action, resource, RequestContext.empty());
        assertThat(result.allowed()).isEqualTo(expected);
        if (!expected) {
            assertThat(AccessDeniedMessage.format(Fixtures.ALICE_ARN, action, resource, result))
                    .endsWith("because no identity-based policy allows the " + action + " action");
        }
    }

    @Test
    void tagBasedAuthorization_requestAndResourceTags() {
        String json = Fixtures.policy("""
                {"Effect":"Allow","Action":"ivs:CreateChannel","Resource":"*",
                 "Condition":{"StringEquals":{"aws:RequestTag/team":"blue"},"ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}},
                {"Effect":"Allow","Action":"ivs:GetChannel","Resource":"*",
                 "Condition":{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}}""");
        CompiledPolicySet set = Fixtures.identity(json);
        RequestContext blue = RequestContext.builder().put("aws:RequestTag/team", "blue").put("aws:TagKeys", "team").build();
        RequestContext red = RequestContext.builder().put("aws:RequestTag/team", "red").put("aws:TagKeys", "team").build();
        assertThat(Fixtures.evaluate(set, Fixtures.ALICE, "ivs:CreateChannel", Fixtures.CHANNEL, blue).allowed()).isTrue();
        assertThat(Fixtures.evaluate(set, Fixtures.ALICE, "ivs:CreateChannel", Fixtures.CHANNEL, red).allowed()).isFalse();
        RequestContext blueChannel = RequestContext.builder().put("aws:ResourceTag/team", "blue").build();
        RequestContext redChannel = RequestContext.builder().put("aws:ResourceTag/team", "red").build();
        assertThat(Fixtures.evaluate(set, Fixtures.ALICE, "ivs:GetChannel", Fixtures.CHANNEL, blueChannel).allowed()).isTrue();
        assertThat(Fixtures.evaluate(set, Fixtures.ALICE, "ivs:GetChannel", Fixtures.CHANNEL, redChannel).allowed()).isFalse();
        PrincipalInfo untagged = PrincipalInfo.user(Fixtures.ALICE_ARN, Fixtures.ACCOUNT, "alice", "AIDA", Map.of());
        assertThat(Fixtures.evaluate(set, untagged, "ivs:GetChannel", Fixtures.CHANNEL, blueChannel).allowed()).isFalse();
    }
}
