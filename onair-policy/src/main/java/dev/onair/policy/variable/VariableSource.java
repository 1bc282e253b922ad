package dev.onair.policy.variable;

import java.util.List;

/** Request values by lower-cased key; null when the request does not carry the key. */
@FunctionalInterface
public interface VariableSource {
    List<String> values(String lowerCaseKey);
}
