package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.policy.document.PolicyDocument;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision flow of the IAM User Guide's "Policy evaluation logic" (single account). */
class DecisionFlowTest {
    private static final String ALLOW_IVS = "{\"Effect\":\"Allow\",\"Action\":\"ivs:*\",\"Resource\":\"*\"}";
    private static final String ALLOW_GET = "{\"Effect\":\"Allow\",\"Action\":\"ivs:Get*\",\"Resource\":\"*\"}";
    private static final String DENY_DELETE = "{\"Effect\":\"Deny\",\"Action\":\"ivs:DeleteChannel\",\"Resource\":\"*\"}";
    private static final String ALLOW_S3 = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}";

    private record Case(String rule, PrincipalInfo principal, List<String> identity, String boundary,
                        List<String> session, String resourcePolicy, boolean root, String action, Decision decision,
                        DenialSource source) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static String resourcePolicy(String principal, String effect) {
        return Fixtures.policy("{\"Effect\":\"" + effect + "\",\"Principal\":" + principal
                + ",\"Action\":\"ivs:*\",\"Resource\":\"*\"}");
    }

    static Stream<Case> cases() {
        PrincipalInfo alice = Fixtures.ALICE;
        PrincipalInfo session = Fixtures.SESSION;
        return Stream.of(
                new Case("default is implicit deny", alice, List.of(), null, List.of(), null, false, "ivs:GetChannel", Decision.IMPLICIT_DENY, DenialSource.IDENTITY_POLICY),
                new Case("identity Allow allows", alice, List.of(ALLOW_IVS), null, List.of(), null, false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("explicit Deny overrides Allow in the same policy", alice, List.of("[" + ALLOW_IVS + "," + DENY_DELETE + "]"), null, List.of(), null, false, "ivs:DeleteChannel", Decision.EXPLICIT_DENY, DenialSource.IDENTITY_POLICY),
                new Case("explicit Deny in another policy overrides Allow", alice, List.of(ALLOW_IVS, DENY_DELETE), null, List.of(), null, false, "ivs:DeleteChannel", Decision.EXPLICIT_DENY, DenialSource.IDENTITY_POLICY),
                new Case("Allows across identity policies are a union", alice, List.of(ALLOW_S3, ALLOW_GET), null, List.of(), null, false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("root is allowed without policies", PrincipalInfo.root(Fixtures.ACCOUNT), List.of(), null, List.of(), null, true, "ivs:DeleteChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("root is still bound by a resource-policy Deny", PrincipalInfo.root(Fixtures.ACCOUNT), List.of(), null, List.of(), resourcePolicy("{\"AWS\":\"123456789012\"}", "Deny"), true, "ivs:DeleteChannel", Decision.EXPLICIT_DENY, DenialSource.RESOURCE_POLICY),
                new Case("boundary must also allow", alice, List.of(ALLOW_IVS), ALLOW_S3, List.of(), null, false, "ivs:GetChannel", Decision.IMPLICIT_DENY, DenialSource.PERMISSIONS_BOUNDARY),
                new Case("boundary and identity both allow", alice, List.of(ALLOW_IVS), ALLOW_GET, List.of(), null, false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("boundary alone grants nothing", alice, List.of(), ALLOW_IVS, List.of(), null, false, "ivs:GetChannel", Decision.IMPLICIT_DENY, DenialSource.IDENTITY_POLICY),
                new Case("Deny in a boundary is an explicit deny", alice, List.of(ALLOW_IVS), "[" + ALLOW_IVS + "," + DENY_DELETE + "]", List.of(), null, false, "ivs:DeleteChannel", Decision.EXPLICIT_DENY, DenialSource.PERMISSIONS_BOUNDARY),
                new Case("session policy must also allow", session, List.of(ALLOW_IVS), null, List.of(ALLOW_S3), null, false, "ivs:GetChannel", Decision.IMPLICIT_DENY, DenialSource.SESSION_POLICY),
                new Case("session policy and role policy both allow", session, List.of(ALLOW_IVS), null, List.of(ALLOW_GET), null, false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("role session without session policy gets the role's permissions", session, List.of(ALLOW_IVS), null, List.of(), null, false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("Deny in a session policy is explicit", session, List.of(ALLOW_IVS), null, List.of("[" + ALLOW_IVS + "," + DENY_DELETE + "]"), null, false, "ivs:DeleteChannel", Decision.EXPLICIT_DENY, DenialSource.SESSION_POLICY),
                new Case("resource policy naming the user allows without identity policy", alice, List.of(), null, List.of(), resourcePolicy("{\"AWS\":\"" + Fixtures.ALICE_ARN + "\"}", "Allow"), false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("resource policy naming the user is not limited by the boundary", alice, List.of(), ALLOW_S3, List.of(), resourcePolicy("{\"AWS\":\"" + Fixtures.ALICE_ARN + "\"}", "Allow"), false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("resource policy naming the account delegates to identity policies", alice, List.of(), null, List.of(), resourcePolicy("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "Allow"), false, "ivs:GetChannel", Decision.IMPLICIT_DENY, DenialSource.IDENTITY_POLICY),
                new Case("resource policy naming another user does not apply", alice, List.of(), null, List.of(), resourcePolicy("{\"AWS\":\"arn:aws:iam::123456789012:user/bob\"}", "Allow"), false, "ivs:GetChannel", Decision.IMPLICIT_DENY, DenialSource.IDENTITY_POLICY),
                new Case("resource policy naming the session ARN allows despite session policy", session, List.of(), null, List.of(ALLOW_S3), resourcePolicy("{\"AWS\":\"" + Fixtures.SESSION_ARN + "\"}", "Allow"), false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("resource policy naming the role ARN is still limited by the session policy", session, List.of(), null, List.of(ALLOW_S3), resourcePolicy("{\"AWS\":\"" + Fixtures.ROLE_ARN + "\"}", "Allow"), false, "ivs:GetChannel", Decision.IMPLICIT_DENY, DenialSource.SESSION_POLICY),
                new Case("resource policy naming the role ARN stands in for the identity policy", session, List.of(), null, List.of(), resourcePolicy("{\"AWS\":\"" + Fixtures.ROLE_ARN + "\"}", "Allow"), false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("resource policy Deny overrides identity Allow", alice, List.of(ALLOW_IVS), null, List.of(), resourcePolicy("\"*\"", "Deny"), false, "ivs:GetChannel", Decision.EXPLICIT_DENY, DenialSource.RESOURCE_POLICY),
                new Case("Principal * allows anonymous callers", PrincipalInfo.anonymous(), List.of(), null, List.of(), resourcePolicy("\"*\"", "Allow"), false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("anonymous caller without resource grant", PrincipalInfo.anonymous(), List.of(), null, List.of(), null, false, "ivs:GetChannel", Decision.IMPLICIT_DENY, DenialSource.RESOURCE_POLICY),
                new Case("NotPrincipal Deny applies to everyone not listed", alice, List.of(ALLOW_IVS), null, List.of(), Fixtures.policy("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:user/bob\"},\"Action\":\"ivs:*\",\"Resource\":\"*\"}"), false, "ivs:GetChannel", Decision.EXPLICIT_DENY, DenialSource.RESOURCE_POLICY),
                new Case("NotPrincipal Deny spares the listed principal", alice, List.of(ALLOW_IVS), null, List.of(), Fixtures.policy("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"" + Fixtures.ALICE_ARN + "\"},\"Action\":\"ivs:*\",\"Resource\":\"*\"}"), false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE),
                new Case("service principal named in a trust-style policy", PrincipalInfo.service("ivs.amazonaws.com"), List.of(), null, List.of(), resourcePolicy("{\"Service\":\"ivs.amazonaws.com\"}", "Allow"), false, "ivs:GetChannel", Decision.ALLOW, DenialSource.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_rule(Case c) {
        List<AttachedPolicy> identity = new java.util.ArrayList<>();
        for (int i = 0; i < c.identity().size(); i++) {
            identity.add(Fixtures.attached("identity" + i, wrap(c.identity().get(i))));
        }
        List<AttachedPolicy> session = c.session().stream().map(s -> Fixtures.attached("session", wrap(s))).toList();
        PolicySet set = new PolicySet(identity,
                Optional.ofNullable(c.boundary()).map(b -> Fixtures.attached("boundary", wrap(b))), session, c.root());
        Optional<CompiledPolicy> resource = Optional.ofNullable(c.resourcePolicy())
                .map(json -> CompiledPolicy.compile("resource", PolicyParser.parse(json, PolicyKind.RESOURCE)));
        EvaluationResult result = PolicyEvaluator.evaluate(set.compile(),
                new AuthorizationRequest(c.principal(), c.action(), Fixtures.CHANNEL, RequestContext.empty()), resource);
        assertThat(result.decision()).isEqualTo(c.decision());
        assertThat(result.source()).isEqualTo(c.source());
    }

    private static String wrap(String statements) {
        return statements.startsWith("[") ? "{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}"
                : Fixtures.policy(statements);
    }

    @Test
    void evaluate_reportsMatchedStatements() {
        String json = Fixtures.policy("{\"Sid\":\"ReadIvs\",\"Effect\":\"Allow\",\"Action\":\"ivs:Get*\",\"Resource\":\"*\"}");
        EvaluationResult result = Fixtures.evaluate(Fixtures.identity(json), Fixtures.ALICE, "ivs:GetChannel",
                Fixtures.CHANNEL, RequestContext.empty());
        assertThat(result.matched()).singleElement().satisfies(m -> {
            assertThat(m.sid()).isEqualTo("ReadIvs");
            assertThat(m.policyName()).isEqualTo("p0");
            assertThat(m.policyKind()).isEqualTo(DenialSource.IDENTITY_POLICY);
        });
    }

    static Stream<Arguments> messages() {
        String head = "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ivs:DeleteChannel on resource: "
                + Fixtures.CHANNEL;
        return Stream.of(
                Arguments.of(Decision.IMPLICIT_DENY, DenialSource.IDENTITY_POLICY, head + " because no identity-based policy allows the ivs:DeleteChannel action"),
                Arguments.of(Decision.EXPLICIT_DENY, DenialSource.IDENTITY_POLICY, head + " with an explicit deny in an identity-based policy"),
                Arguments.of(Decision.IMPLICIT_DENY, DenialSource.PERMISSIONS_BOUNDARY, head + " because no permissions boundary allows the ivs:DeleteChannel action"),
                Arguments.of(Decision.EXPLICIT_DENY, DenialSource.PERMISSIONS_BOUNDARY, head + " with an explicit deny in a permissions boundary"),
                Arguments.of(Decision.IMPLICIT_DENY, DenialSource.SESSION_POLICY, head + " because no session policy allows the ivs:DeleteChannel action"),
                Arguments.of(Decision.EXPLICIT_DENY, DenialSource.SESSION_POLICY, head + " with an explicit deny in a session policy"),
                Arguments.of(Decision.IMPLICIT_DENY, DenialSource.RESOURCE_POLICY, head + " because no resource-based policy allows the ivs:DeleteChannel action"),
                Arguments.of(Decision.EXPLICIT_DENY, DenialSource.RESOURCE_POLICY, head + " with an explicit deny in a resource-based policy"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("messages")
    void accessDeniedMessage_wording(Decision decision, DenialSource source, String expected) {
        EvaluationResult result = new EvaluationResult(decision, source, List.of());
        assertThat(AccessDeniedMessage.format(Fixtures.ALICE_ARN, "ivs:DeleteChannel", Fixtures.CHANNEL, result))
                .isEqualTo(expected);
    }

    @Test
    void policyCache_invalidateRecompiles() {
        PolicyCache<String> cache = new PolicyCache<>();
        PolicyDocument allow = PolicyParser.parse(Fixtures.policy(ALLOW_IVS), PolicyKind.IDENTITY);
        CompiledPolicySet first = cache.get("alice", () -> PolicySet.of(List.of(new AttachedPolicy("a", allow))));
        assertThat(cache.get("alice", () -> PolicySet.of(List.of()))).isSameAs(first);
        cache.invalidate("alice");
        CompiledPolicySet second = cache.get("alice", () -> PolicySet.of(List.of()));
        assertThat(second).isNotSameAs(first);
        assertThat(second.statementCount()).isZero();
        cache.invalidateAll();
        assertThat(cache.size()).isZero();
    }
}
