package dev.onair.policy;

import dev.onair.policy.document.Effect;

/** A statement that applied to a request, as the simulator reports it. */
public record MatchedStatement(String policyName, DenialSource policyKind, int statementIndex, String sid,
                               Effect effect) {
}
