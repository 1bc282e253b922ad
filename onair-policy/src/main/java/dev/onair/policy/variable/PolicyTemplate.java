package dev.onair.policy.variable;

import dev.onair.policy.wildcard.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy string that may contain variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'x'}}) and
 * the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}. Parsed once when a policy is compiled; resolving it against a
 * request is a walk over its parts.
 */
public final class PolicyTemplate {
    private sealed interface Part permits Text, Escape, Variable {
    }

    private record Text(String text) implements Part {
    }

    private record Escape(String character) implements Part {
    }

    private record Variable(String lowerKey, String defaultValue) implements Part {
    }

    private final String raw;
    private final List<Part> parts;
    private final boolean hasVariables;

    private PolicyTemplate(String raw, List<Part> parts) {
        this.raw = raw;
        this.parts = List.copyOf(parts);
        this.hasVariables = parts.stream().anyMatch(part -> !(part instanceof Text));
    }

    /** With {@code variablesEnabled} false (2008 grammar) the whole string is literal policy text. */
    public static PolicyTemplate parse(String raw, boolean variablesEnabled) {
        List<Part> parts = new ArrayList<>();
        if (!variablesEnabled || !raw.contains("${")) {
            parts.add(new Text(raw));
            return new PolicyTemplate(raw, parts);
        }
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int start = raw.indexOf("${", i);
            int end = start < 0 ? -1 : raw.indexOf('}', start + 2);
            if (start < 0 || end < 0) {
                text.append(raw, i, raw.length());
                break;
            }
            text.append(raw, i, start);
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
            parts.add(part(raw.substring(start + 2, end)));
            i = end + 1;
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new PolicyTemplate(raw, parts);
    }

    private static Part part(String body) {
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
            return new Escape(body);
        }
        int comma = body.indexOf(',');
        if (comma < 0) {
            return new Variable(body.trim().toLowerCase(Locale.ROOT), null);
        }
        String key = body.substring(0, comma).trim().toLowerCase(Locale.ROOT);
        String fallback = body.substring(comma + 1).trim();
        if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
            fallback = fallback.substring(1, fallback.length() - 1);
        }
        return new Variable(key, fallback);
    }

    public boolean hasVariables() {
        return hasVariables;
    }

    public String raw() {
        return raw;
    }

    /** Plain-text value (no wildcard meaning), or null when a variable cannot be resolved. */
    public String resolveText(VariableSource source) {
        if (!hasVariables) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            String value = valueOf(part, source);
            if (value == null) {
                return null;
            }
            out.append(value);
        }
        return out.toString();
    }

    /** Glob in which the template's own '*' and '?' are wildcards and substituted values are literal; null if unresolvable. */
    public Wildcard resolveWildcard(VariableSource source) {
        Wildcard.Builder builder = Wildcard.builder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                builder.pattern(text.text());
            } else {
                String value = valueOf(part, source);
                if (value == null) {
                    return null;
                }
                builder.literal(value);
            }
        }
        return builder.build();
    }

    private static String valueOf(Part part, VariableSource source) {
        if (part instanceof Text text) {
            return text.text();
        }
        if (part instanceof Escape escape) {
            return escape.character();
        }
        Variable variable = (Variable) part;
        List<String> values = source == null ? null : source.values(variable.lowerKey());
        // Multivalued keys cannot be substituted; AWS treats them as unresolvable.
        if (values == null || values.size() != 1) {
            return variable.defaultValue();
        }
        return values.get(0);
    }

    @Override
    public String toString() {
        return raw;
    }
}
