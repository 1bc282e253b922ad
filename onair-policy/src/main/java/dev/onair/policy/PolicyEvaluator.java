package dev.onair.policy;

import dev.onair.policy.principal.PrincipalMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWS's single-account decision flow (IAM User Guide, "Policy evaluation logic"):
 * <ol>
 *   <li>an explicit Deny in any applicable policy wins;</li>
 *   <li>the account root user is allowed anything not explicitly denied;</li>
 *   <li>a resource-based Allow naming the user or session directly (or "*") allows on its own;</li>
 *   <li>otherwise an identity policy (or a resource policy naming the role) must allow,</li>
 *   <li>then the permissions boundary, if any, must allow,</li>
 *   <li>then the session policies, if any, must allow.</li>
 * </ol>
 * Stateless and thread-safe; never throws for a well-formed request (an internal error denies).
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    /** Outcome of scanning one group: the denying statements and the first allowing one. */
    private static final class Scan {
        List<MatchedStatement> denies;
        CompiledStatement allow;
        PrincipalMatch allowMatch = PrincipalMatch.NONE;
    }

    public static EvaluationResult evaluate(CompiledPolicySet policies, AuthorizationRequest request,
                                            Optional<CompiledPolicy> resourcePolicy) {
        try {
            return decide(policies, request, resourcePolicy == null ? null : resourcePolicy.orElse(null));
        } catch (RuntimeException e) {
            // AWS: "errors during evaluation result in a deny".
            return new EvaluationResult(Decision.IMPLICIT_DENY, DenialSource.IDENTITY_POLICY, List.of());
        }
    }

    public static EvaluationResult evaluate(CompiledPolicySet policies, AuthorizationRequest request) {
        return evaluate(policies, request, Optional.empty());
    }

    private static EvaluationResult decide(CompiledPolicySet policies, AuthorizationRequest request,
                                           CompiledPolicy resourcePolicy) {
        EvaluationContext context = new EvaluationContext(request);
        String action = request.action();
        PrincipalInfo principal = request.principal();
        Scan identity = scan(policies.identity(), action, context, principal);
        Scan boundary = policies.boundary() == null ? null : scan(policies.boundary(), action, context, principal);
        Scan session = policies.session() == null ? null : scan(policies.session(), action, context, principal);
        Scan resource = resourcePolicy == null ? null : scan(resourcePolicy.group(), action, context, principal);

        EvaluationResult denied = explicitDeny(identity, boundary, session, resource);
        if (denied != null) {
            return denied;
        }
        if (policies.root() || principal.type() == PrincipalType.ROOT) {
            return allow(List.of());
        }
        if (resource != null && resource.allowMatch == PrincipalMatch.DIRECT) {
            return allow(List.of(resource.allow.description));
        }
        List<MatchedStatement> allowedBy = new ArrayList<>(3);
        if (identity.allow != null) {
            allowedBy.add(identity.allow.description);
        } else if (resource != null && resource.allowMatch == PrincipalMatch.ROLE) {
            allowedBy.add(resource.allow.description);
        } else {
            DenialSource source = principal.type() == PrincipalType.ANONYMOUS || principal.type() == PrincipalType.SERVICE
                    ? DenialSource.RESOURCE_POLICY
                    : DenialSource.IDENTITY_POLICY;
            return implicitDeny(source);
        }
        if (boundary != null) {
            if (boundary.allow == null) {
                return implicitDeny(DenialSource.PERMISSIONS_BOUNDARY);
            }
            allowedBy.add(boundary.allow.description);
        }
        if (session != null) {
            if (session.allow == null) {
                return implicitDeny(DenialSource.SESSION_POLICY);
            }
            allowedBy.add(session.allow.description);
        }
        return allow(allowedBy);
    }

    private static Scan scan(StatementGroup group, String action, EvaluationContext context, PrincipalInfo principal) {
        Scan scan = new Scan();
        for (CompiledStatement statement : group.candidates(action)) {
            if (!statement.deny && scan.allowMatch == PrincipalMatch.DIRECT) {
                // Denies come first in candidate order; once the strongest allow is found, the rest cannot matter.
                break;
            }
            PrincipalMatch match = statement.principalMatch(principal);
            if (match == PrincipalMatch.NONE || !statement.appliesTo(context)) {
                continue;
            }
            if (statement.deny) {
                if (scan.denies == null) {
                    scan.denies = new ArrayList<>(2);
                }
                scan.denies.add(statement.description);
            } else if (match.compareTo(scan.allowMatch) > 0) {
                scan.allow = statement;
                scan.allowMatch = match;
            }
        }
        return scan;
    }

    private static EvaluationResult explicitDeny(Scan identity, Scan boundary, Scan session, Scan resource) {
        DenialSource source = null;
        List<MatchedStatement> matched = new ArrayList<>();
        Scan[] scans = {identity, boundary, session, resource};
        DenialSource[] sources = {DenialSource.IDENTITY_POLICY, DenialSource.PERMISSIONS_BOUNDARY,
            DenialSource.SESSION_POLICY, DenialSource.RESOURCE_POLICY};
        for (int i = 0; i < scans.length; i++) {
            if (scans[i] != null && scans[i].denies != null) {
                source = source == null ? sources[i] : source;
                matched.addAll(scans[i].denies);
            }
        }
        return source == null ? null : new EvaluationResult(Decision.EXPLICIT_DENY, source, matched);
    }

    private static EvaluationResult allow(List<MatchedStatement> matched) {
        return new EvaluationResult(Decision.ALLOW, DenialSource.NONE, matched);
    }

    private static EvaluationResult implicitDeny(DenialSource source) {
        return new EvaluationResult(Decision.IMPLICIT_DENY, source, List.of());
    }
}
