package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.policy.validation.Finding;
import dev.onair.policy.validation.FindingType;
import dev.onair.policy.validation.PolicyValidator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Access Analyzer policy checks (IAM User Guide, "Access Analyzer policy check reference"). */
class PolicyValidatorTest {
    private static String statement(String body) {
        return Fixtures.policy(body);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("JSON_SYNTAX_ERROR for text that is not JSON", "{nope", FindingType.ERROR, "JSON_SYNTAX_ERROR"),
                Arguments.of("INVALID_POLICY_ELEMENT for an unknown element", statement("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Foo\":1}"), FindingType.ERROR, "INVALID_POLICY_ELEMENT"),
                Arguments.of("MISSING_ACTION", statement("{\"Effect\":\"Allow\",\"Resource\":\"*\"}"), FindingType.ERROR, "MISSING_ACTION"),
                Arguments.of("MISSING_RESOURCE", statement("{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}"), FindingType.ERROR, "MISSING_RESOURCE"),
                Arguments.of("UNIQUE_SIDS_REQUIRED", statement("{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"ivs:*\",\"Resource\":\"*\"}"), FindingType.ERROR, "UNIQUE_SIDS_REQUIRED"),
                Arguments.of("INVALID_ACTION for an unknown action of a catalogued service", statement("{\"Effect\":\"Allow\",\"Action\":\"ivs:GetChanel\",\"Resource\":\"*\"}"), FindingType.ERROR, "INVALID_ACTION"),
                Arguments.of("INVALID_ACTION for a wildcard that matches nothing", statement("{\"Effect\":\"Allow\",\"Action\":\"ivs:Frobnicate*\",\"Resource\":\"*\"}"), FindingType.ERROR, "INVALID_ACTION"),
                Arguments.of("NULL_WITH_IF_EXISTS", statement("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{\"aws:TagKeys\":\"true\"}}}"), FindingType.ERROR, "NULL_WITH_IF_EXISTS"),
                Arguments.of("MISSING_VERSION", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}", FindingType.WARNING, "MISSING_VERSION"),
                Arguments.of("WILDCARD_WITHOUT_LIKE_OPERATOR", statement("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue*\"}}}"), FindingType.WARNING, "WILDCARD_WITHOUT_LIKE_OPERATOR"),
                Arguments.of("TYPE_MISMATCH_NUMBER", statement("{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":\"ten\"}}}"), FindingType.WARNING, "TYPE_MISMATCH_NUMBER"),
                Arguments.of("TYPE_MISMATCH_IP_RANGE", statement("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/40\"}}}"), FindingType.WARNING, "TYPE_MISMATCH_IP_RANGE"),
                Arguments.of("PASS_ROLE_WITH_STAR_IN_RESOURCE", statement("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}"), FindingType.SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
                Arguments.of("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", statement("{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"}"), FindingType.SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"),
                Arguments.of("ALLOW_WITH_NOTPRINCIPAL", statement("{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"123456789012\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), FindingType.SECURITY_WARNING, "ALLOW_WITH_NOTPRINCIPAL"),
                Arguments.of("FORALLVALUES_WITH_SINGLE_VALUED_KEY", statement("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"ForAllValues:StringEquals\":{\"aws:username\":\"alice\"}}}"), FindingType.SECURITY_WARNING, "FORALLVALUES_WITH_SINGLE_VALUED_KEY"),
                Arguments.of("REDUNDANT_STATEMENT", statement("{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},{\"Sid\":\"B\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), FindingType.SUGGESTION, "REDUNDANT_STATEMENT"),
                Arguments.of("REDUNDANT_ACTION", statement("{\"Effect\":\"Allow\",\"Action\":[\"ivs:Get*\",\"ivs:GetChannel\"],\"Resource\":\"*\"}"), FindingType.SUGGESTION, "REDUNDANT_ACTION"),
                Arguments.of("REDUNDANT_RESOURCE", statement("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[\"arn:aws:s3:::b/*\",\"arn:aws:s3:::b/x\"]}"), FindingType.SUGGESTION, "REDUNDANT_RESOURCE"),
                Arguments.of("EMPTY_SID_VALUE", statement("{\"Sid\":\"\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), FindingType.SUGGESTION, "EMPTY_SID_VALUE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void validate_reports(String rule, String json, FindingType type, String issueCode) {
        PolicyKind kind = json.contains("Principal\":{") ? PolicyKind.RESOURCE : PolicyKind.IDENTITY;
        List<Finding> findings = PolicyValidator.validate(json, kind);
        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.findingType()).isEqualTo(type);
            assertThat(finding.issueCode()).isEqualTo(issueCode);
            assertThat(finding.learnMoreLink()).contains("access-analyzer-reference-policy-checks");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanRows")
    void validate_cleanPolicyHasNoFindings(String rule, String json) {
        assertThat(PolicyValidator.validate(json, PolicyKind.IDENTITY)).isEmpty();
    }

    static Stream<Arguments> cleanRows() {
        return Stream.of(
                Arguments.of("seed policy", ManagedPoliciesTest.SEED_POLICY),
                Arguments.of("PassRole limited by iam:PassedToService", statement("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ivs.amazonaws.com\"}}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageRows")
    void invalidAction_suggestsClosest(String rule, String action, String expected) {
        List<Finding> findings = PolicyValidator.validate(
                statement("{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}"), PolicyKind.IDENTITY);
        assertThat(findings).extracting(Finding::message).contains(expected);
    }

    static Stream<Arguments> messageRows() {
        return Stream.of(Arguments.of("typo", "ivs:GetChanel", "The action ivs:GetChanel does not exist. Did you mean ivs:GetChannel?"));
    }
}
