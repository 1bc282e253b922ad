package dev.onair.policy.validation;

import dev.onair.policy.condition.DateValues;
import dev.onair.policy.condition.IpRange;
import dev.onair.policy.condition.OperatorFamily;
import dev.onair.policy.condition.OperatorName;
import dev.onair.policy.condition.SetQualifier;
import dev.onair.policy.document.ConditionEntry;
import dev.onair.policy.document.Effect;
import dev.onair.policy.document.Statement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Per-statement element and condition checks. */
final class StatementChecks {
    /** Global keys that carry one value; ForAllValues on them is almost always a mistake (it is vacuously true). */
    private static final Set<String> SINGLE_VALUED_PREFIXES = Set.of("aws:requesttag/", "aws:resourcetag/",
            "aws:principaltag/");
    private static final Set<String> SINGLE_VALUED_KEYS = Set.of("aws:username", "aws:userid", "aws:principalarn",
            "aws:principalaccount", "aws:sourceip", "aws:securetransport", "aws:requestedregion", "aws:sourcearn",
            "aws:sourceaccount", "aws:principaltype", "aws:multifactorauthpresent");

    private StatementChecks() {
    }

    static void check(Statement statement, int index, boolean variablesEnabled, List<Finding> findings) {
        List<PathElement> at = List.of(PathElement.key("Statement"), PathElement.index(index));
        if (statement.sid() != null && statement.sid().isEmpty()) {
            findings.add(new Finding(FindingType.SUGGESTION, "EMPTY_SID_VALUE",
                    "Add a value to the empty string in the Sid element.", path(at, "Sid")));
        }
        if (statement.effect() == Effect.ALLOW && statement.notPrincipal()) {
            findings.add(new Finding(FindingType.SECURITY_WARNING, "ALLOW_WITH_NOTPRINCIPAL",
                    "Using Allow with NotPrincipal can be overly permissive. We recommend that you use Principal instead.",
                    path(at, "NotPrincipal")));
        }
        if (statement.principals() != null && !statement.principals().wildcard()
                && statement.principals().byType().isEmpty()) {
            findings.add(new Finding(FindingType.SUGGESTION, "EMPTY_OBJECT_PRINCIPAL",
                    "Add a principal to the Principal element.", path(at, "Principal")));
        }
        for (String resource : statement.resources()) {
            if (!variablesEnabled && resource.contains("${")) {
                findings.add(new Finding(FindingType.ERROR, "VARIABLE_UNSUPPORTED_IN_VERSION",
                        "Policy variables such as ${aws:username} require Version 2012-10-17.", path(at, "Resource")));
            }
        }
        for (ConditionEntry entry : statement.conditions()) {
            checkCondition(entry, at, variablesEnabled, findings);
        }
    }

    private static void checkCondition(ConditionEntry entry, List<PathElement> at, boolean variablesEnabled,
                                       List<Finding> findings) {
        OperatorName name = OperatorName.parse(entry.operator());
        List<PathElement> where = List.of(at.get(0), at.get(1), PathElement.key("Condition"),
                PathElement.key(entry.operator()), PathElement.key(entry.key()));
        if (name == null) {
            return;
        }
        if (entry.values().isEmpty()) {
            findings.add(new Finding(FindingType.SUGGESTION, "EMPTY_ARRAY_CONDITION",
                    "Add a value to the empty array in the condition.", where));
        }
        if (name.family() == OperatorFamily.NULL && name.ifExists()) {
            findings.add(new Finding(FindingType.ERROR, "NULL_WITH_IF_EXISTS",
                    "The Null condition operator cannot be used with the IfExists suffix.", where));
        }
        if (name.family() == OperatorFamily.NULL && name.qualifier() != SetQualifier.NONE) {
            findings.add(new Finding(FindingType.SUGGESTION, "NULL_WITH_QUALIFIER",
                    "Remove the set qualifier: Null checks only whether the key is present.", where));
        }
        String lowerKey = entry.key().toLowerCase(Locale.ROOT);
        if (name.qualifier() == SetQualifier.FOR_ALL_VALUES && isSingleValued(lowerKey)) {
            findings.add(new Finding(FindingType.SECURITY_WARNING, "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
                    "Using ForAllValues qualifier with the single-valued condition key " + entry.key()
                            + " can be overly permissive. We recommend that you remove ForAllValues:.", where));
        }
        if (lowerKey.indexOf(':') < 0) {
            findings.add(new Finding(FindingType.ERROR, "INVALID_CONDITION_KEY_FORMAT",
                    "The condition key " + entry.key() + " must be prefaced by a service name.", where));
        }
        for (String value : entry.values()) {
            checkValue(name, value, where, variablesEnabled, findings);
        }
    }

    private static boolean isSingleValued(String lowerKey) {
        return SINGLE_VALUED_KEYS.contains(lowerKey)
                || SINGLE_VALUED_PREFIXES.stream().anyMatch(lowerKey::startsWith);
    }

    private static void checkValue(OperatorName name, String value, List<PathElement> where, boolean variablesEnabled,
                                   List<Finding> findings) {
        List<PathElement> at = new java.util.ArrayList<>(where);
        at.add(PathElement.value(value));
        switch (name.family()) {
            case STRING, ARN -> {
                String withoutEscapes = value.replace("${*}", "").replace("${?}", "");
                boolean like = name.base().endsWith("Like");
                if (!like && (withoutEscapes.contains("*") || withoutEscapes.contains("?"))) {
                    findings.add(new Finding(FindingType.WARNING, "WILDCARD_WITHOUT_LIKE_OPERATOR",
                            "Your condition value includes a * or ? character. If you meant to use a wildcard (*, ?), "
                                    + "update the condition operator to include Like.", at));
                }
            }
            case NUMERIC -> {
                if (value.contains("${")) {
                    findings.add(variableNotAllowed(name, at));
                } else if (!isNumber(value)) {
                    findings.add(typeMismatch("TYPE_MISMATCH_NUMBER", name, value, at));
                }
            }
            case DATE -> {
                if (DateValues.parse(value) == null) {
                    findings.add(typeMismatch("TYPE_MISMATCH_DATE", name, value, at));
                }
            }
            case BOOL -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    findings.add(typeMismatch("TYPE_MISMATCH_BOOLEAN", name, value, at));
                }
            }
            case IP_ADDRESS -> {
                if (IpRange.parse(value) == null) {
                    findings.add(typeMismatch("TYPE_MISMATCH_IP_RANGE", name, value, at));
                }
            }
            case NULL -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    findings.add(typeMismatch("TYPE_MISMATCH_BOOLEAN", name, value, at));
                }
            }
            case BINARY -> {
                if (value.contains("${")) {
                    findings.add(variableNotAllowed(name, at));
                }
            }
        }
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Finding typeMismatch(String code, OperatorName name, String value, List<PathElement> at) {
        return new Finding(FindingType.WARNING, code, "The value " + value + " does not match the type the "
                + name.base() + " operator expects.", at);
    }

    private static Finding variableNotAllowed(OperatorName name, List<PathElement> at) {
        return new Finding(FindingType.ERROR, "INVALID_VARIABLE_FOR_OPERATOR",
                "Policy variables cannot be used with the " + name.base() + " operator.", at);
    }

    static List<PathElement> path(List<PathElement> at, String key) {
        return List.of(at.get(0), at.get(1), PathElement.key(key));
    }
}
