package dev.onair.policy;

import dev.onair.policy.action.ActionMatcher;
import dev.onair.policy.condition.ConditionFunction;
import dev.onair.policy.condition.Conditions;
import dev.onair.policy.document.ConditionEntry;
import dev.onair.policy.document.Effect;
import dev.onair.policy.document.Statement;
import dev.onair.policy.principal.PrincipalMatch;
import dev.onair.policy.principal.PrincipalMatcher;
import dev.onair.policy.resource.ResourceMatcher;
import java.util.ArrayList;
import java.util.List;

/** A statement with every matcher precompiled; immutable and shared by all threads. */
final class CompiledStatement {
    final boolean deny;
    final ActionMatcher actions;
    private final ResourceMatcher resources;
    private final PrincipalMatcher principals;
    private final ConditionFunction[] conditions;
    final MatchedStatement description;

    CompiledStatement(String policyName, DenialSource policyKind, int index, Statement statement,
                      boolean variablesEnabled) {
        this.deny = statement.effect() == Effect.DENY;
        this.actions = new ActionMatcher(statement.actions(), statement.notAction());
        this.resources = statement.hasResourceElement()
                ? new ResourceMatcher(statement.resources(), statement.notResource(), variablesEnabled)
                : null;
        this.principals = statement.principals() == null
                ? null
                : new PrincipalMatcher(statement.principals(), statement.notPrincipal());
        List<ConditionFunction> functions = new ArrayList<>();
        for (ConditionEntry entry : statement.conditions()) {
            ConditionFunction function = Conditions.compile(entry.operator(), entry.key(), entry.values(),
                    variablesEnabled);
            if (function != null) {
                functions.add(function);
            }
        }
        this.conditions = functions.toArray(new ConditionFunction[0]);
        this.description = new MatchedStatement(policyName, policyKind, index, statement.sid(), statement.effect());
    }

    /** How the statement's Principal names the caller; identity statements (no Principal) always apply. */
    PrincipalMatch principalMatch(PrincipalInfo principal) {
        return principals == null ? PrincipalMatch.DIRECT : principals.match(principal);
    }

    /** Resource and conditions; the action was already matched when the candidate list was built. */
    boolean appliesTo(EvaluationContext context) {
        if (resources != null && !resources.applies(context.arnParts(), context.resource(), context)) {
            return false;
        }
        for (ConditionFunction condition : conditions) {
            if (!condition.evaluate(context)) {
                return false;
            }
        }
        return true;
    }
}
