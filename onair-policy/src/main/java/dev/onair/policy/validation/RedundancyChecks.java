package dev.onair.policy.validation;

import dev.onair.policy.document.Statement;
import dev.onair.policy.wildcard.Wildcard;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;

/** REDUNDANT_STATEMENT, REDUNDANT_ACTION and REDUNDANT_RESOURCE suggestions. */
final class RedundancyChecks {
    private RedundancyChecks() {
    }

    static void check(List<Statement> statements, List<Finding> findings) {
        for (int i = 0; i < statements.size(); i++) {
            for (int j = i + 1; j < statements.size(); j++) {
                if (sameApartFromSid(statements.get(i), statements.get(j))) {
                    findings.add(new Finding(FindingType.SUGGESTION, "REDUNDANT_STATEMENT",
                            "The statements are redundant because they provide identical permissions. "
                                    + "Update the policy to remove the redundant statement.",
                            List.of(PathElement.key("Statement"), PathElement.index(j))));
                }
            }
            Statement statement = statements.get(i);
            redundantEntries(statement.actions(), true, i, statement.notAction() ? "NotAction" : "Action",
                    "REDUNDANT_ACTION", findings);
            redundantEntries(statement.resources(), false, i, statement.notResource() ? "NotResource" : "Resource",
                    "REDUNDANT_RESOURCE", findings);
        }
    }

    private static boolean sameApartFromSid(Statement a, Statement b) {
        return a.effect() == b.effect() && a.notAction() == b.notAction() && a.notResource() == b.notResource()
                && a.notPrincipal() == b.notPrincipal() && Objects.equals(a.principals(), b.principals())
                && a.actions().equals(b.actions()) && a.resources().equals(b.resources())
                && a.conditions().equals(b.conditions());
    }

    /** An entry is redundant when another entry of the same list already matches everything it matches. */
    private static void redundantEntries(List<String> values, boolean ignoreCase, int statement, String element,
                                         String code, List<Finding> findings) {
        List<String> normalized = values.stream().map(v -> ignoreCase ? v.toLowerCase(Locale.ROOT) : v).toList();
        // Only wildcard entries can cover others; compiling just those keeps huge lists (ReadOnlyAccess) linear.
        Map<Integer, Wildcard> globs = new LinkedHashMap<>();
        for (int j = 0; j < normalized.size(); j++) {
            Wildcard glob = Wildcard.of(normalized.get(j));
            if (!glob.isLiteral()) {
                globs.put(j, glob);
            }
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < normalized.size(); i++) {
            String value = normalized.get(i);
            Integer duplicateOf = firstIndex.putIfAbsent(value, i);
            Integer coveredBy = duplicateOf;
            if (coveredBy == null && !value.contains("${")) {
                for (Map.Entry<Integer, Wildcard> glob : globs.entrySet()) {
                    if (!normalized.get(glob.getKey()).equals(value) && glob.getValue().matches(value)) {
                        coveredBy = glob.getKey();
                        break;
                    }
                }
            }
            if (coveredBy != null) {
                findings.add(new Finding(FindingType.SUGGESTION, code, "The " + element.toLowerCase(Locale.ROOT)
                        + " " + values.get(i) + " is redundant because " + values.get(coveredBy)
                        + " already includes it.", List.of(PathElement.key("Statement"), PathElement.index(statement),
                        PathElement.key(element), PathElement.index(i))));
            }
        }
    }
}
