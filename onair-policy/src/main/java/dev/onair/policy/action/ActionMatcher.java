package dev.onair.policy.action;

import dev.onair.policy.wildcard.Wildcard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Action or NotAction of one statement. Action names are case-insensitive, so patterns are lower-cased once here
 * and callers pass the request action lower-cased.
 */
public final class ActionMatcher {
    private final Set<String> exact;
    private final Wildcard[] patterns;
    private final boolean negated;
    private final boolean everything;

    public ActionMatcher(List<String> actions, boolean negated) {
        Set<String> names = new HashSet<>();
        List<Wildcard> globs = new ArrayList<>();
        boolean all = false;
        for (String action : actions) {
            String lower = action.toLowerCase(Locale.ROOT);
            Wildcard pattern = Wildcard.of(lower);
            if (pattern.isLiteral()) {
                names.add(lower);
            } else {
                globs.add(pattern);
                all |= pattern.matchesEverything();
            }
        }
        this.exact = Set.copyOf(names);
        this.patterns = globs.toArray(new Wildcard[0]);
        this.negated = negated;
        this.everything = all;
    }

    /** Whether the statement applies to the (lower-cased) action. */
    public boolean applies(String lowerCaseAction) {
        return negated != matchesAny(lowerCaseAction);
    }

    private boolean matchesAny(String lowerCaseAction) {
        if (everything || exact.contains(lowerCaseAction)) {
            return true;
        }
        for (Wildcard pattern : patterns) {
            if (pattern.matches(lowerCaseAction)) {
                return true;
            }
        }
        return false;
    }

    public static String normalize(String action) {
        return action.toLowerCase(Locale.ROOT);
    }
}
