package dev.onair.policy.condition;

/** Operator families, each evaluated by its own class; {@code variables} says whether policy variables resolve. */
public enum OperatorFamily {
    STRING(true),
    NUMERIC(false),
    DATE(false),
    BOOL(false),
    BINARY(false),
    IP_ADDRESS(false),
    ARN(true),
    NULL(false);

    private final boolean variables;

    OperatorFamily(boolean variables) {
        this.variables = variables;
    }

    public boolean allowsVariables() {
        return variables;
    }
}
