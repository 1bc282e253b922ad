package dev.onair.policy;

import java.util.List;
import java.util.Optional;

/**
 * Everything that applies to one principal: identity policies (its own and its groups', inline and managed), an
 * optional permissions boundary, the session policies of an assumed-role session (empty list = none passed), and
 * whether the principal is the account root.
 */
public record PolicySet(List<AttachedPolicy> identityPolicies, Optional<AttachedPolicy> permissionsBoundary,
                        List<AttachedPolicy> sessionPolicies, boolean root) {
    public PolicySet {
        identityPolicies = List.copyOf(identityPolicies);
        permissionsBoundary = permissionsBoundary == null ? Optional.empty() : permissionsBoundary;
        sessionPolicies = List.copyOf(sessionPolicies);
    }

    public static PolicySet of(List<AttachedPolicy> identityPolicies) {
        return new PolicySet(identityPolicies, Optional.empty(), List.of(), false);
    }

    public static PolicySet forRoot() {
        return new PolicySet(List.of(), Optional.empty(), List.of(), true);
    }

    public PolicySet withBoundary(AttachedPolicy boundary) {
        return new PolicySet(identityPolicies, Optional.of(boundary), sessionPolicies, root);
    }

    public PolicySet withSessionPolicies(List<AttachedPolicy> policies) {
        return new PolicySet(identityPolicies, permissionsBoundary, policies, root);
    }

    public CompiledPolicySet compile() {
        return CompiledPolicySet.compile(this);
    }
}
