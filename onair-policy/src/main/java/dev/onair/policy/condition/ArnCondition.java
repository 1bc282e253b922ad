package dev.onair.policy.condition;

import dev.onair.policy.resource.ArnPattern;
import java.util.List;

/**
 * ArnEquals, ArnLike, ArnNotEquals, ArnNotLike: each of the six colon-separated parts is matched on its own, so a
 * wildcard never spans a ':' before the resource part. ArnEquals behaves like ArnLike, as AWS documents.
 */
final class ArnCondition extends AbstractCondition {
    private final ArnPattern[] patterns;

    ArnCondition(OperatorName operator, String key, List<String> rawValues, boolean variablesEnabled) {
        super(operator, key);
        this.patterns = rawValues.stream().map(value -> ArnPattern.compile(value, variablesEnabled))
                .toArray(ArnPattern[]::new);
    }

    @Override
    boolean matchesAny(String requestValue, ConditionContext context) {
        String[] parts = ArnPattern.split(requestValue);
        if (parts == null) {
            return false;
        }
        for (ArnPattern pattern : patterns) {
            if (pattern.matchesArnParts(parts, requestValue, context)) {
                return true;
            }
        }
        return false;
    }
}
