package dev.onair.policy.document;

import java.util.List;
import java.util.Objects;

/**
 * One statement as written. Empty {@code resources} means the element was absent (trust policies);
 * {@code principals} is null when neither Principal nor NotPrincipal was given.
 */
public record Statement(
        String sid,
        Effect effect,
        Principals principals,
        boolean notPrincipal,
        List<String> actions,
        boolean notAction,
        List<String> resources,
        boolean notResource,
        List<ConditionEntry> conditions) {

    public Statement {
        Objects.requireNonNull(effect, "effect is null");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    public boolean hasResourceElement() {
        return !resources.isEmpty();
    }
}
