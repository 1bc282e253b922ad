package dev.onair.policy.condition;

import java.util.List;

/** Builds the function for one operator/key pair; the only place that maps families to classes. */
public final class Conditions {
    private Conditions() {
    }

    /** The compiled function, or null for an unknown operator (IAM accepts those only with an empty block). */
    public static ConditionFunction compile(String operator, String key, List<String> values, boolean variablesEnabled) {
        OperatorName name = OperatorName.parse(operator);
        if (name == null) {
            return null;
        }
        boolean variables = variablesEnabled && name.family().allowsVariables();
        return switch (name.family()) {
            case STRING -> new StringCondition(name, key, values, variables);
            case NUMERIC -> new NumericCondition(name, key, values);
            case DATE -> new DateCondition(name, key, values);
            case BOOL -> new BoolCondition(name, key, values);
            case BINARY -> new BinaryCondition(name, key, values);
            case IP_ADDRESS -> new IpAddressCondition(name, key, values);
            case ARN -> new ArnCondition(name, key, values, variables);
            case NULL -> new NullCondition(name, key, values);
        };
    }
}
