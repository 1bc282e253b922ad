package dev.onair.policy.document;

import java.util.List;
import java.util.Objects;

/** One operator/key pair of a Condition block with its values (numbers and booleans normalised to strings). */
public record ConditionEntry(String operator, String key, List<String> values) {
    public ConditionEntry {
        Objects.requireNonNull(operator, "operator is null");
        Objects.requireNonNull(key, "key is null");
        values = List.copyOf(values);
    }
}
