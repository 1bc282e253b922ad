package dev.onair.policy.condition;

import java.util.List;
import java.util.Locale;

/** Bool: "true"/"false", compared without regard to case. */
final class BoolCondition extends AbstractCondition {
    private final String[] values;

    BoolCondition(OperatorName operator, String key, List<String> rawValues) {
        super(operator, key);
        this.values = rawValues.stream().map(value -> value.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    @Override
    boolean matchesAny(String requestValue, ConditionContext context) {
        for (String value : values) {
            if (value.equalsIgnoreCase(requestValue)) {
                return true;
            }
        }
        return false;
    }
}
