package dev.onair.policy.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Principal or NotPrincipal element. {@code wildcard} is the bare string "*"; otherwise principals are keyed by
 * type (AWS, Service, Federated, CanonicalUser) in document order.
 */
public record Principals(boolean wildcard, Map<String, List<String>> byType) {
    public static final List<String> TYPES = List.of("AWS", "Federated", "Service", "CanonicalUser");

    public Principals {
        Objects.requireNonNull(byType, "byType is null");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byType.forEach((type, values) -> copy.put(type, List.copyOf(values)));
        byType = Collections.unmodifiableMap(copy);
    }

    public static Principals star() {
        return new Principals(true, Map.of());
    }

    public List<String> values(String type) {
        return byType.getOrDefault(type, List.of());
    }

    public List<String> all() {
        List<String> all = new ArrayList<>();
        byType.values().forEach(all::addAll);
        return all;
    }
}
