package dev.onair.policy.resource;

import dev.onair.policy.variable.VariableSource;
import java.util.List;

/** Resource or NotResource of one statement: any listed pattern matching makes the element match. */
public final class ResourceMatcher {
    private final ArnPattern[] patterns;
    private final boolean negated;
    private final boolean everything;

    public ResourceMatcher(List<String> resources, boolean negated, boolean variablesEnabled) {
        this.patterns = resources.stream().map(raw -> ArnPattern.compile(raw, variablesEnabled))
                .toArray(ArnPattern[]::new);
        this.negated = negated;
        boolean all = false;
        for (ArnPattern pattern : patterns) {
            all |= pattern.matchesEverything();
        }
        this.everything = all;
    }

    /** Whether the statement applies to this resource (NotResource inverts the list match). */
    public boolean applies(String[] arnParts, String resource, VariableSource variables) {
        return negated != matchesAny(arnParts, resource, variables);
    }

    private boolean matchesAny(String[] arnParts, String resource, VariableSource variables) {
        if (everything) {
            return true;
        }
        for (ArnPattern pattern : patterns) {
            if (pattern.matchesArnParts(arnParts, resource, variables)) {
                return true;
            }
        }
        return false;
    }
}
