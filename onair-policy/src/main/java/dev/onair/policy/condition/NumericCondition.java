package dev.onair.policy.condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Numeric* operators: integer or decimal values compared exactly (BigDecimal, so 1 == 1.0). */
final class NumericCondition extends AbstractCondition {
    private final Comparison comparison;
    private final BigDecimal[] values;

    NumericCondition(OperatorName operator, String key, List<String> rawValues) {
        super(operator, key);
        this.comparison = Comparison.of(operator.base().substring("Numeric".length()));
        List<BigDecimal> parsed = new ArrayList<>();
        for (String raw : rawValues) {
            BigDecimal value = parse(raw);
            // A value that is not a number can never match; Access Analyzer reports it, IAM accepts it.
            if (value != null) {
                parsed.add(value);
            }
        }
        this.values = parsed.toArray(new BigDecimal[0]);
    }

    static BigDecimal parse(String raw) {
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    boolean matchesAny(String requestValue, ConditionContext context) {
        BigDecimal request = parse(requestValue);
        if (request == null) {
            return false;
        }
        for (BigDecimal value : values) {
            if (comparison.holds(request.compareTo(value))) {
                return true;
            }
        }
        return false;
    }
}
