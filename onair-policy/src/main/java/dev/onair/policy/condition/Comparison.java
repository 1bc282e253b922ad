package dev.onair.policy.condition;

/** The ordering relation shared by the Numeric and Date families; "NotEquals" is expressed through negation. */
enum Comparison {
    EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

    static Comparison of(String suffix) {
        return switch (suffix) {
            case "Equals", "NotEquals" -> EQUALS;
            case "LessThan" -> LESS_THAN;
            case "LessThanEquals" -> LESS_THAN_EQUALS;
            case "GreaterThan" -> GREATER_THAN;
            case "GreaterThanEquals" -> GREATER_THAN_EQUALS;
            default -> throw new IllegalArgumentException("not a comparison: " + suffix);
        };
    }

    /** {@code order} is request.compareTo(policy value). */
    boolean holds(int order) {
        return switch (this) {
            case EQUALS -> order == 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_EQUALS -> order <= 0;
            case GREATER_THAN -> order > 0;
            case GREATER_THAN_EQUALS -> order >= 0;
        };
    }
}
