package dev.onair.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Condition keys of one request. Key names are case-insensitive (aws:SourceIp is AWS:sourceip), so they are stored
 * lower-cased; every key maps to a list because some keys (aws:TagKeys) carry several values.
 */
public final class RequestContext {
    private static final RequestContext EMPTY = new RequestContext(Map.of(), Map.of());

    private final Map<String, List<String>> values;
    private final Map<String, String> originalNames;

    private RequestContext(Map<String, List<String>> values, Map<String, String> originalNames) {
        this.values = values;
        this.originalNames = originalNames;
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Values for a key in any case, or null when the request does not carry it. */
    public List<String> get(String key) {
        return values.get(key.toLowerCase(Locale.ROOT));
    }

    /** Hot-path lookup for a key already lower-cased. */
    public List<String> getLowerCase(String lowerCaseKey) {
        return values.get(lowerCaseKey);
    }

    public String first(String key) {
        List<String> list = get(key);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Keys as first written, mapped to their values. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        originalNames.forEach((lower, original) -> out.put(original, values.get(lower)));
        return Collections.unmodifiableMap(out);
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        asMap().forEach(builder::put);
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestContext context && context.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    public static final class Builder {
        private final Map<String, List<String>> values = new HashMap<>();
        private final Map<String, String> originalNames = new LinkedHashMap<>();

        /** Sets (replaces) a key's values. */
        public Builder put(String key, List<String> keyValues) {
            String lower = key.toLowerCase(Locale.ROOT);
            values.put(lower, List.copyOf(keyValues));
            originalNames.putIfAbsent(lower, key);
            return this;
        }

        public Builder put(String key, String... keyValues) {
            return put(key, Arrays.asList(keyValues));
        }

        /** Appends one value to a multivalued key. */
        public Builder add(String key, String value) {
            String lower = key.toLowerCase(Locale.ROOT);
            List<String> list = new ArrayList<>(values.getOrDefault(lower, List.of()));
            list.add(value);
            return put(originalNames.getOrDefault(lower, key), list);
        }

        public Builder putIfAbsent(String key, String... keyValues) {
            if (!values.containsKey(key.toLowerCase(Locale.ROOT))) {
                put(key, keyValues);
            }
            return this;
        }

        public Builder remove(String key) {
            String lower = key.toLowerCase(Locale.ROOT);
            values.remove(lower);
            originalNames.remove(lower);
            return this;
        }

        public RequestContext build() {
            return new RequestContext(Map.copyOf(values), Collections.unmodifiableMap(new LinkedHashMap<>(originalNames)));
        }
    }
}
