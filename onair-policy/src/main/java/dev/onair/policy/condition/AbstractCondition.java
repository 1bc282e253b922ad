package dev.onair.policy.condition;

import java.util.List;
import java.util.Locale;

/**
 * What every value-comparing family shares: missing-key rules, IfExists, the set qualifiers and negation.
 * Subclasses answer only "does this request value match any policy value".
 */
abstract class AbstractCondition implements ConditionFunction {
    private final OperatorName operator;
    private final String key;
    private final String lowerKey;

    AbstractCondition(OperatorName operator, String key) {
        this.operator = operator;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
    }

    @Override
    public final OperatorName operator() {
        return operator;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public boolean evaluate(ConditionContext context) {
        List<String> values = context.values(lowerKey);
        if (values == null || values.isEmpty()) {
            if (operator.ifExists()) {
                return true;
            }
            return switch (operator.qualifier()) {
                // AWS: ForAllValues is vacuously true for a missing or empty key, ForAnyValue false.
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                // A negated operator on a missing key matches (the value is certainly not one of them).
                case NONE -> operator.negated();
            };
        }
        switch (operator.qualifier()) {
            case FOR_ALL_VALUES:
                for (String value : values) {
                    if (!test(value, context)) {
                        return false;
                    }
                }
                return true;
            case FOR_ANY_VALUE:
                for (String value : values) {
                    if (test(value, context)) {
                        return true;
                    }
                }
                return false;
            case NONE:
            default:
                // A single-valued operator does not match a multivalued request key; AWS wants a set operator.
                return values.size() == 1 && test(values.get(0), context);
        }
    }

    /** Negated operators require the value to match none of the policy values. */
    private boolean test(String requestValue, ConditionContext context) {
        boolean any = matchesAny(requestValue, context);
        return operator.negated() != any;
    }

    abstract boolean matchesAny(String requestValue, ConditionContext context);
}
