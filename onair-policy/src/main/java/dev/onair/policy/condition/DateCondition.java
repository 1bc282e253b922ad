package dev.onair.policy.condition;

import java.util.List;

/** Date* operators; policy values were already checked by the parser (IAM's legacy pass refuses bad dates). */
final class DateCondition extends AbstractCondition {
    private final Comparison comparison;
    private final long[] values;

    DateCondition(OperatorName operator, String key, List<String> rawValues) {
        super(operator, key);
        this.comparison = Comparison.of(operator.base().substring("Date".length()));
        this.values = rawValues.stream().map(DateValues::parsePolicyValue)
                .filter(java.util.Objects::nonNull).mapToLong(Long::longValue).toArray();
    }

    @Override
    boolean matchesAny(String requestValue, ConditionContext context) {
        Long request = DateValues.parse(requestValue);
        if (request == null) {
            return false;
        }
        for (long value : values) {
            if (comparison.holds(Long.compare(request, value))) {
                return true;
            }
        }
        return false;
    }
}
