package dev.onair.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders shared by the engine tests. */
final class Fixtures {
    static final String ACCOUNT = "123456789012";
    static final String ALICE_ARN = "arn:aws:iam::123456789012:user/alice";
    static final PrincipalInfo ALICE = PrincipalInfo.user(ALICE_ARN, ACCOUNT, "alice", "AIDAALICE", Map.of("team", "blue"));
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/builder";
    static final String SESSION_ARN = "arn:aws:sts::123456789012:assumed-role/builder/s1";
    static final PrincipalInfo SESSION = PrincipalInfo.assumedRole(ROLE_ARN, SESSION_ARN, ACCOUNT, "AROABUILDER", "s1",
            Map.of());
    static final String CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/AbCdEfGhIjKl";

    private Fixtures() {
    }

    static String policy(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    static AttachedPolicy attached(String name, String json) {
        return new AttachedPolicy(name, PolicyParser.parse(json, PolicyKind.IDENTITY));
    }

    static CompiledPolicySet identity(String... jsonPolicies) {
        List<AttachedPolicy> policies = new java.util.ArrayList<>();
        for (int i = 0; i < jsonPolicies.length; i++) {
            policies.add(attached("p" + i, jsonPolicies[i]));
        }
        return PolicySet.of(policies).compile();
    }

    static EvaluationResult evaluate(CompiledPolicySet set, PrincipalInfo principal, String action, String resource,
                                     RequestContext context) {
        return PolicyEvaluator.evaluate(set, new AuthorizationRequest(principal, action, resource, context),
                Optional.empty());
    }

    static boolean allowed(String policyJson, String action, String resource, RequestContext context) {
        return evaluate(identity(policyJson), ALICE, action, resource, context).allowed();
    }
}
