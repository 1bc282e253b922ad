package dev.onair.policy.condition;

import dev.onair.policy.variable.PolicyTemplate;
import dev.onair.policy.wildcard.Wildcard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike. */
final class StringCondition extends AbstractCondition {
    private enum Mode { EXACT, IGNORE_CASE, LIKE }

    private final Mode mode;
    /** Variable-free values, precompiled: a hash set for equality, globs for Like. */
    private final Set<String> constants;
    private final Wildcard[] constantPatterns;
    private final PolicyTemplate[] templates;

    StringCondition(OperatorName operator, String key, List<String> values, boolean variablesEnabled) {
        super(operator, key);
        String base = operator.base();
        this.mode = base.endsWith("Like") ? Mode.LIKE : base.endsWith("IgnoreCase") ? Mode.IGNORE_CASE : Mode.EXACT;
        Set<String> constantValues = new HashSet<>();
        List<Wildcard> patterns = new ArrayList<>();
        List<PolicyTemplate> dynamic = new ArrayList<>();
        for (String value : values) {
            PolicyTemplate template = PolicyTemplate.parse(value, variablesEnabled);
            if (template.hasVariables()) {
                dynamic.add(template);
            } else if (mode == Mode.LIKE) {
                patterns.add(Wildcard.of(value));
            } else {
                constantValues.add(mode == Mode.IGNORE_CASE ? value.toLowerCase(Locale.ROOT) : value);
            }
        }
        this.constants = Set.copyOf(constantValues);
        this.constantPatterns = patterns.toArray(new Wildcard[0]);
        this.templates = dynamic.toArray(new PolicyTemplate[0]);
    }

    @Override
    boolean matchesAny(String requestValue, ConditionContext context) {
        String comparable = mode == Mode.IGNORE_CASE ? requestValue.toLowerCase(Locale.ROOT) : requestValue;
        if (constants.contains(comparable)) {
            return true;
        }
        for (Wildcard pattern : constantPatterns) {
            if (pattern.matches(requestValue)) {
                return true;
            }
        }
        for (PolicyTemplate template : templates) {
            if (mode == Mode.LIKE) {
                Wildcard resolved = template.resolveWildcard(context);
                if (resolved != null && resolved.matches(requestValue)) {
                    return true;
                }
            } else {
                String resolved = template.resolveText(context);
                if (resolved != null && (mode == Mode.EXACT ? resolved.equals(requestValue)
                        : resolved.equalsIgnoreCase(requestValue))) {
                    return true;
                }
            }
        }
        return false;
    }
}
