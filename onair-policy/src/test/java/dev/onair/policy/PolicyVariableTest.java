package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"). */
class PolicyVariableTest {
    private static final String V2012 = "2012-10-17";
    private static final String V2008 = "2008-10-17";

    static Stream<Arguments> resourceRows() {
        return Stream.of(
                Arguments.of("${aws:username} in the resource segment", V2012, "arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/alice/file", true),
                Arguments.of("variable value is substituted, other users excluded", V2012, "arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/bob/file", false),
                Arguments.of("variables are literal text under 2008-10-17", V2008, "arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/alice/file", false),
                Arguments.of("variable key names are case-insensitive", V2012, "arn:aws:s3:::home/${AWS:UserName}/*", "arn:aws:s3:::home/alice/file", true),
                Arguments.of("${aws:PrincipalTag/k} resolves principal tags", V2012, "arn:aws:s3:::team-${aws:PrincipalTag/team}/*", "arn:aws:s3:::team-blue/x", true),
                Arguments.of("unresolvable variable matches nothing", V2012, "arn:aws:s3:::team-${aws:PrincipalTag/missing}/*", "arn:aws:s3:::team-/x", false),
                Arguments.of("default value for an absent key", V2012, "arn:aws:s3:::team-${aws:PrincipalTag/missing, 'shared'}/*", "arn:aws:s3:::team-shared/x", true),
                Arguments.of("${*} is a literal asterisk", V2012, "arn:aws:s3:::b/${*}", "arn:aws:s3:::b/*", true),
                Arguments.of("${*} does not act as a wildcard", V2012, "arn:aws:s3:::b/${*}", "arn:aws:s3:::b/anything", false),
                Arguments.of("${?} is a literal question mark", V2012, "arn:aws:s3:::b/a${?}", "arn:aws:s3:::b/a?", true),
                Arguments.of("${$} is a literal dollar", V2012, "arn:aws:s3:::b/${$}x", "arn:aws:s3:::b/$x", true),
                Arguments.of("substituted values are literal, not globs", V2012, "arn:aws:s3:::home/${aws:PrincipalTag/glob}", "arn:aws:s3:::home/anything", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceRows")
    void resourceVariable_rule(String rule, String version, String resourcePattern, String resource, boolean expected) {
        String json = "{\"Version\":\"" + version + "\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"" + resourcePattern + "\"}}";
        PrincipalInfo alice = PrincipalInfo.user(Fixtures.ALICE_ARN, Fixtures.ACCOUNT, "alice", "AIDAALICE",
                Map.of("team", "blue", "glob", "*"));
        EvaluationResult result = Fixtures.evaluate(Fixtures.identity(json), alice, "s3:GetObject", resource,
                RequestContext.empty());
        assertThat(result.allowed()).isEqualTo(expected);
    }

    static Stream<Arguments> conditionRows() {
        return Stream.of(
                Arguments.of("StringEquals against ${aws:PrincipalTag/team}", "StringEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/team}", "blue", true),
                Arguments.of("StringEquals ABAC mismatch", "StringEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/team}", "red", false),
                Arguments.of("StringLike keeps the template's own wildcards", "StringLike", "aws:ResourceTag/owner", "${aws:username}-*", "alice-dev", true),
                Arguments.of("unresolvable variable: positive operator fails", "StringEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/nope}", "blue", false),
                Arguments.of("unresolvable variable: negated operator matches", "StringNotEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/nope}", "blue", true),
                Arguments.of("ArnLike resolves variables", "ArnLike", "aws:SourceArn", "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::123456789012:user/alice", true),
                Arguments.of("Numeric operators do not resolve variables", "NumericEquals", "s3:max-keys", "${aws:username}", "1", false),
                Arguments.of("${aws:userid} resolves", "StringEquals", "aws:ResourceTag/owner", "${aws:userid}", "AIDAALICE", true),
                Arguments.of("${aws:PrincipalType} for a user is User", "StringEquals", "aws:ResourceTag/kind", "${aws:PrincipalType}", "User", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionRows")
    void conditionVariable_rule(String rule, String operator, String key, String policyValue, String requestValue,
                                boolean expected) {
        String json = Fixtures.policy("{\"Effect\":\"Allow\",\"Action\":\"ivs:GetChannel\",\"Resource\":\"*\","
                + "\"Condition\":{\"" + operator + "\":{\"" + key + "\":\"" + policyValue + "\"}}}");
        RequestContext context = RequestContext.builder().put(key, requestValue).build();
        assertThat(Fixtures.allowed(json, "ivs:GetChannel", Fixtures.CHANNEL, context)).isEqualTo(expected);
    }
}
