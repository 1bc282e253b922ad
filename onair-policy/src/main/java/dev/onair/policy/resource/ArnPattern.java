package dev.onair.policy.resource;

import dev.onair.policy.variable.PolicyTemplate;
import dev.onair.policy.variable.VariableSource;
import dev.onair.policy.wildcard.Wildcard;
import java.util.ArrayList;
import java.util.List;

/**
 * A Resource entry or Arn* condition value: "*" alone, or an ARN whose first five colon-separated parts are matched
 * one by one and whose sixth part (the rest, colons included) is a glob that may cross '/'.
 */
public final class ArnPattern {
    private static final int PARTS = 6;

    private final String raw;
    private final boolean everything;
    /** Six per-part patterns. */
    private final PolicyTemplate[] templates;
    private final Wildcard[] compiled;

    private ArnPattern(String raw, boolean everything, PolicyTemplate[] templates) {
        this.raw = raw;
        this.everything = everything;
        this.templates = templates;
        this.compiled = new Wildcard[templates.length];
        for (int i = 0; i < templates.length; i++) {
            compiled[i] = templates[i].hasVariables() ? null : Wildcard.of(templates[i].raw());
        }
    }

    public static ArnPattern compile(String raw, boolean variablesEnabled) {
        if (raw.equals("*")) {
            return new ArnPattern(raw, true, new PolicyTemplate[0]);
        }
        List<String> parts = splitOutsideVariables(raw);
        // Short forms ("arn:*") are read with the missing parts as "*", as IAM expands them for identity policies.
        while (parts.size() < PARTS) {
            parts.add("*");
        }
        PolicyTemplate[] templates = parts.stream()
                .map(part -> PolicyTemplate.parse(part, variablesEnabled)).toArray(PolicyTemplate[]::new);
        return new ArnPattern(raw, false, templates);
    }

    /** Splits at the first five colons, ignoring colons inside "${...}" (variable names contain them). */
    private static List<String> splitOutsideVariables(String raw) {
        List<String> parts = new ArrayList<>(PARTS);
        int depth = 0;
        int start = 0;
        for (int i = 0; i < raw.length() && parts.size() < PARTS - 1; i++) {
            char c = raw.charAt(i);
            if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(raw.substring(start));
        return parts;
    }

    /** A request ARN split into its six parts, or null when it has fewer. */
    public static String[] split(String arn) {
        String[] parts = new String[PARTS];
        int start = 0;
        for (int i = 0; i < PARTS - 1; i++) {
            int colon = arn.indexOf(':', start);
            if (colon < 0) {
                return null;
            }
            parts[i] = arn.substring(start, colon);
            start = colon + 1;
        }
        parts[PARTS - 1] = arn.substring(start);
        return parts;
    }

    public String raw() {
        return raw;
    }

    public boolean matchesEverything() {
        return everything;
    }

    /**
     * @param parts the request value split by {@link #split}, or null if it is not an ARN
     * @param whole the request value
     */
    public boolean matchesArnParts(String[] parts, String whole, VariableSource variables) {
        if (everything) {
            return true;
        }
        if (parts == null) {
            return false;
        }
        for (int i = 0; i < PARTS; i++) {
            Wildcard pattern = wildcard(i, variables);
            if (pattern == null || !pattern.matches(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private Wildcard wildcard(int index, VariableSource variables) {
        Wildcard pattern = compiled[index];
        return pattern != null ? pattern : templates[index].resolveWildcard(variables);
    }

    @Override
    public String toString() {
        return raw;
    }
}
