package dev.onair.policy.condition;

import java.util.List;
import java.util.Locale;

/** Null: "true" matches an absent key, "false" a present one. It ignores set qualifiers and IfExists by nature. */
final class NullCondition implements ConditionFunction {
    private final OperatorName operator;
    private final String key;
    private final String lowerKey;
    private final boolean wantAbsent;
    private final boolean wantPresent;

    NullCondition(OperatorName operator, String key, List<String> rawValues) {
        this.operator = operator;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        this.wantAbsent = rawValues.stream().anyMatch(value -> value.equalsIgnoreCase("true"));
        this.wantPresent = rawValues.stream().anyMatch(value -> value.equalsIgnoreCase("false"));
    }

    @Override
    public boolean evaluate(ConditionContext context) {
        List<String> values = context.values(lowerKey);
        boolean absent = values == null || values.isEmpty();
        if (absent && operator.ifExists()) {
            return true;
        }
        return absent ? wantAbsent : wantPresent;
    }

    @Override
    public OperatorName operator() {
        return operator;
    }

    @Override
    public String key() {
        return key;
    }
}
