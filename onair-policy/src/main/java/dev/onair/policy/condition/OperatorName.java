package dev.onair.policy.condition;

import java.util.Map;

/** A condition operator as written, split into set qualifier, base operator and the IfExists suffix. */
public record OperatorName(String raw, SetQualifier qualifier, String base, boolean ifExists, OperatorFamily family,
                           boolean negated) {
    private static final Map<String, OperatorFamily> BASES = Map.ofEntries(
            Map.entry("StringEquals", OperatorFamily.STRING),
            Map.entry("StringNotEquals", OperatorFamily.STRING),
            Map.entry("StringEqualsIgnoreCase", OperatorFamily.STRING),
            Map.entry("StringNotEqualsIgnoreCase", OperatorFamily.STRING),
            Map.entry("StringLike", OperatorFamily.STRING),
            Map.entry("StringNotLike", OperatorFamily.STRING),
            Map.entry("NumericEquals", OperatorFamily.NUMERIC),
            Map.entry("NumericNotEquals", OperatorFamily.NUMERIC),
            Map.entry("NumericLessThan", OperatorFamily.NUMERIC),
            Map.entry("NumericLessThanEquals", OperatorFamily.NUMERIC),
            Map.entry("NumericGreaterThan", OperatorFamily.NUMERIC),
            Map.entry("NumericGreaterThanEquals", OperatorFamily.NUMERIC),
            Map.entry("DateEquals", OperatorFamily.DATE),
            Map.entry("DateNotEquals", OperatorFamily.DATE),
            Map.entry("DateLessThan", OperatorFamily.DATE),
            Map.entry("DateLessThanEquals", OperatorFamily.DATE),
            Map.entry("DateGreaterThan", OperatorFamily.DATE),
            Map.entry("DateGreaterThanEquals", OperatorFamily.DATE),
            Map.entry("Bool", OperatorFamily.BOOL),
            Map.entry("BinaryEquals", OperatorFamily.BINARY),
            Map.entry("IpAddress", OperatorFamily.IP_ADDRESS),
            Map.entry("NotIpAddress", OperatorFamily.IP_ADDRESS),
            Map.entry("ArnEquals", OperatorFamily.ARN),
            Map.entry("ArnLike", OperatorFamily.ARN),
            Map.entry("ArnNotEquals", OperatorFamily.ARN),
            Map.entry("ArnNotLike", OperatorFamily.ARN),
            Map.entry("Null", OperatorFamily.NULL));

    /** The parsed name, or null when IAM does not know the operator. */
    public static OperatorName parse(String raw) {
        String rest = raw;
        SetQualifier qualifier = SetQualifier.NONE;
        for (SetQualifier candidate : new SetQualifier[] {SetQualifier.FOR_ALL_VALUES, SetQualifier.FOR_ANY_VALUE}) {
            if (rest.startsWith(candidate.prefix())) {
                qualifier = candidate;
                rest = rest.substring(candidate.prefix().length());
                break;
            }
        }
        boolean ifExists = rest.endsWith("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        OperatorFamily family = BASES.get(rest);
        if (family == null) {
            return null;
        }
        boolean negated = rest.contains("Not");
        return new OperatorName(raw, qualifier, rest, ifExists, family, negated);
    }
}
