package dev.onair.policy;

import java.util.ArrayList;
import java.util.List;

/** A principal's policies, compiled and indexed; build once, cache (see {@link PolicyCache}), share across threads. */
public final class CompiledPolicySet {
    private final PolicySet source;
    private final StatementGroup identity;
    private final StatementGroup boundary;
    private final StatementGroup session;

    private CompiledPolicySet(PolicySet source) {
        this.source = source;
        this.identity = group(source.identityPolicies(), DenialSource.IDENTITY_POLICY);
        this.boundary = source.permissionsBoundary()
                .map(policy -> group(List.of(policy), DenialSource.PERMISSIONS_BOUNDARY)).orElse(null);
        this.session = source.sessionPolicies().isEmpty()
                ? null
                : group(source.sessionPolicies(), DenialSource.SESSION_POLICY);
    }

    public static CompiledPolicySet compile(PolicySet source) {
        return new CompiledPolicySet(source);
    }

    private static StatementGroup group(List<AttachedPolicy> policies, DenialSource kind) {
        List<CompiledStatement> statements = new ArrayList<>();
        for (AttachedPolicy policy : policies) {
            statements.addAll(CompiledPolicy.compile(policy, kind).statements());
        }
        return new StatementGroup(statements);
    }

    public PolicySet source() {
        return source;
    }

    public boolean root() {
        return source.root();
    }

    public int statementCount() {
        return identity.size() + (boundary == null ? 0 : boundary.size()) + (session == null ? 0 : session.size());
    }

    StatementGroup identity() {
        return identity;
    }

    StatementGroup boundary() {
        return boundary;
    }

    StatementGroup session() {
        return session;
    }
}
