package dev.onair.policy.validation;

import dev.onair.policy.catalog.ActionCatalog;
import dev.onair.policy.catalog.ActionDefinition;
import dev.onair.policy.document.ConditionEntry;
import dev.onair.policy.document.Effect;
import dev.onair.policy.document.Statement;
import dev.onair.policy.wildcard.Wildcard;
import java.util.List;
import java.util.Locale;

/** Checks that need the action catalogue: unknown actions and iam:PassRole breadth. */
final class ActionChecks {
    private ActionChecks() {
    }

    static void check(Statement statement, int index, List<Finding> findings) {
        ActionCatalog catalog = ActionCatalog.get();
        String element = statement.notAction() ? "NotAction" : "Action";
        List<String> actions = statement.actions();
        for (int i = 0; i < actions.size(); i++) {
            String action = actions.get(i);
            int colon = action.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String service = action.substring(0, colon);
            // Only services Onair catalogues can be judged; others are left alone rather than guessed at.
            if (!catalog.isKnownService(service)) {
                continue;
            }
            if (catalog.expand(action).isEmpty()) {
                findings.add(new Finding(FindingType.ERROR, "INVALID_ACTION", invalidActionMessage(catalog, action),
                        List.of(PathElement.key("Statement"), PathElement.index(index), PathElement.key(element),
                                PathElement.index(i))));
            }
        }
        checkPassRole(statement, index, findings);
    }

    private static String invalidActionMessage(ActionCatalog catalog, String action) {
        String service = action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (ActionDefinition definition : catalog.actions()) {
            if (!definition.service().equals(service)) {
                continue;
            }
            int distance = distance(action.toLowerCase(Locale.ROOT), definition.fullName().toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = definition.fullName();
            }
        }
        String message = "The action " + action + " does not exist.";
        return closest != null && best <= 3 ? message + " Did you mean " + closest + "?" : message;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static void checkPassRole(Statement statement, int index, List<Finding> findings) {
        if (statement.effect() != Effect.ALLOW) {
            return;
        }
        boolean exact = false;
        boolean wildcard = false;
        for (String action : statement.actions()) {
            String lower = action.toLowerCase(Locale.ROOT);
            if (lower.equals("iam:passrole")) {
                exact = true;
            } else if (Wildcard.of(lower).matches("iam:passrole")) {
                wildcard = true;
            }
        }
        boolean covers = statement.notAction() ? !(exact || wildcard) : (exact || wildcard);
        if (!covers) {
            return;
        }
        boolean restrictedToService = statement.conditions().stream().map(ConditionEntry::key)
                .anyMatch(key -> key.equalsIgnoreCase("iam:PassedToService"));
        String code;
        if (statement.notResource()) {
            code = statement.notAction() ? "PASS_ROLE_WITH_NOTACTION_AND_NOTRESOURCE"
                    : wildcard && !exact ? "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOTRESOURCE" : "PASS_ROLE_WITH_NOTRESOURCE";
        } else if (statement.resources().contains("*") && !restrictedToService) {
            code = statement.notAction() ? "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOTACTION"
                    : wildcard && !exact ? "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE" : "PASS_ROLE_WITH_STAR_IN_RESOURCE";
        } else {
            return;
        }
        findings.add(new Finding(FindingType.SECURITY_WARNING, code,
                "Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it "
                        + "allows iam:PassRole permissions on multiple resources. We recommend that you specify resource "
                        + "ARNs or add the iam:PassedToService condition key to your statement.",
                List.of(PathElement.key("Statement"), PathElement.index(index),
                        PathElement.key(statement.notResource() ? "NotResource" : "Resource"))));
    }
}
