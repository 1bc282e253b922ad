package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.policy.document.PolicyDocument;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyParserTest {
    private static final String OK = null;

    private static String doc(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":" + statement + "}";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("not JSON is a syntax error", "{", PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("top level must be an object", "[]", PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("unknown top-level element", "{\"Version\":\"2012-10-17\",\"Foo\":1,\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("Statement is required", "{\"Version\":\"2012-10-17\"}", PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("empty Statement array", doc("[]"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("unknown Version value", "{\"Version\":\"2020-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("Statement as a single object", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, OK),
                Arguments.of("unknown statement element", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Foo\":1}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("Action and NotAction together", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"s3:Get*\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("Resource and NotResource together", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"NotResource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("missing Effect is a syntax error", doc("{\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("Effect not Allow/Deny in any case", doc("{\"Effect\":\"Permit\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("Effect in the wrong case fails legacy parsing", doc("{\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.LEGACY),
                Arguments.of("Action must be string or list of strings", doc("{\"Effect\":\"Allow\",\"Action\":[1],\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("unknown condition operator with a body", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"aws:username\":\"a\"}}}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("unknown condition operator with an empty body is tolerated", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{}}}"), PolicyKind.IDENTITY, OK),
                Arguments.of("condition values may be numbers and booleans", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true},\"NumericLessThan\":{\"s3:max-keys\":[10,20]}}}"), PolicyKind.IDENTITY, OK),
                Arguments.of("null condition value is a syntax error", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":null}}}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("bad date in a Date condition fails legacy parsing", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"yesterday\"}}}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.LEGACY),
                Arguments.of("Principal in an identity policy", doc("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.PRINCIPAL_IN_IDENTITY),
                Arguments.of("Principal in a permissions boundary", doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.BOUNDARY, MalformedPolicyDocumentException.PRINCIPAL_IN_IDENTITY),
                Arguments.of("duplicate Sid", doc("[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.DUPLICATE_SID),
                Arguments.of("empty Sids may repeat", doc("[{\"Sid\":\"\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Sid\":\"\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]"), PolicyKind.IDENTITY, OK),
                Arguments.of("Sid must be alphanumeric in IAM policies", doc("{\"Sid\":\"a b\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.SID_NOT_ALPHANUMERIC),
                Arguments.of("missing Action", doc("{\"Effect\":\"Allow\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.MISSING_ACTIONS),
                Arguments.of("empty Action list", doc("{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.MISSING_ACTIONS),
                Arguments.of("missing Resource", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.MISSING_RESOURCES),
                Arguments.of("resource not an ARN", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"bucket\"}"), PolicyKind.IDENTITY, "Resource bucket must be in ARN format or \"*\"."),
                Arguments.of("missing actions reported before resource format", doc("{\"Effect\":\"Allow\",\"Resource\":\"bucket\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.MISSING_ACTIONS),
                Arguments.of("unknown partition", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:foo:s3:::b\"}"), PolicyKind.IDENTITY, "Partition \"foo\" is not valid for resource \"arn:foo:s3:::b\"."),
                Arguments.of("IAM resource with a region", doc("{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"arn:aws:iam:us-east-1:123456789012:user/a\"}"), PolicyKind.IDENTITY, "IAM resource arn:aws:iam:us-east-1:123456789012:user/a cannot contain region information."),
                Arguments.of("S3 resource with a region", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:us-east-1::b\"}"), PolicyKind.IDENTITY, "Resource arn:aws:s3:us-east-1::b can not contain region information."),
                Arguments.of("ARN with :: and too few parts fails legacy parsing", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3::b\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.LEGACY),
                Arguments.of("empty service segment fails legacy parsing", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws::us-east-1:1:x\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.LEGACY),
                Arguments.of("action without vendor", doc("{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.ACTION_VENDOR),
                Arguments.of("action with two colons", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:Get:Object\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, MalformedPolicyDocumentException.ACTION_COLONS),
                Arguments.of("invalid vendor characters", doc("{\"Effect\":\"Allow\",\"Action\":\"s 3:GetObject\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY, "Vendor s 3 is not valid"),
                Arguments.of("2008 version accepted by default", "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", PolicyKind.IDENTITY, OK),
                Arguments.of("missing Version accepted by default", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", PolicyKind.IDENTITY, OK),
                Arguments.of("resource policy needs Principal", doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.RESOURCE, MalformedPolicyDocumentException.RESOURCE_POLICY_NO_PRINCIPAL),
                Arguments.of("resource policy with Principal", doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.RESOURCE, OK),
                Arguments.of("resource policy Sid may contain spaces", doc("{\"Sid\":\"Public read\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.RESOURCE, OK),
                Arguments.of("Principal string other than *", doc("{\"Effect\":\"Allow\",\"Principal\":\"arn:aws:iam::123456789012:root\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.RESOURCE, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("unknown principal type", doc("{\"Effect\":\"Allow\",\"Principal\":{\"Users\":\"x\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"), PolicyKind.RESOURCE, MalformedPolicyDocumentException.SYNTAX),
                Arguments.of("trust policy without Resource", doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ivs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}"), PolicyKind.TRUST, OK),
                Arguments.of("trust policy with Resource", doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ivs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}"), PolicyKind.TRUST, MalformedPolicyDocumentException.RESOURCE_IN_TRUST),
                Arguments.of("trust policy without Principal", doc("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}"), PolicyKind.TRUST, MalformedPolicyDocumentException.TRUST_NO_PRINCIPAL),
                Arguments.of("trust policy with a non-STS action", doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},\"Action\":\"s3:GetObject\"}"), PolicyKind.TRUST, MalformedPolicyDocumentException.TRUST_ACTIONS),
                Arguments.of("duplicate JSON keys are refused", "{\"Version\":\"2012-10-17\",\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", PolicyKind.IDENTITY, MalformedPolicyDocumentException.SYNTAX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_rule(String rule, String json, PolicyKind kind, String expectedMessage) {
        if (expectedMessage == null) {
            PolicyDocument document = PolicyParser.parse(json, kind);
            assertThat(PolicyParser.parse(document.toJson(), kind)).isEqualTo(document);
        } else {
            assertThatThrownBy(() -> PolicyParser.parse(json, kind))
                    .isInstanceOf(MalformedPolicyDocumentException.class)
                    .hasMessage(expectedMessage);
        }
    }

    static Stream<Arguments> versionCases() {
        return Stream.of(
                Arguments.of("CreatePolicy rule: missing Version", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"),
                Arguments.of("CreatePolicy rule: 2008-10-17", "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionCases")
    void parse_requireCurrentVersion(String rule, String json) {
        assertThatThrownBy(() -> PolicyParser.parse(json, PolicyKind.IDENTITY, true))
                .hasMessage(MalformedPolicyDocumentException.VERSION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizeCases")
    void countedSize_ignoresWhitespace(String rule, String json, int expected) {
        assertThat(PolicySizeLimits.countedSize(json)).isEqualTo(expected);
    }

    static Stream<Arguments> sizeCases() {
        return Stream.of(
                Arguments.of("no whitespace", "{\"a\":1}", 7),
                Arguments.of("spaces, tabs and newlines are not counted", "{ \"a\" :\n\t1 }", 7));
    }
}
