package dev.onair.policy.validation;

/** One step of a finding location, as Access Analyzer's {index|key|value} union. Exactly one field is set. */
public record PathElement(String key, Integer index, String value) {
    public static PathElement key(String key) {
        return new PathElement(key, null, null);
    }

    public static PathElement index(int index) {
        return new PathElement(null, index, null);
    }

    public static PathElement value(String value) {
        return new PathElement(null, null, value);
    }

    @Override
    public String toString() {
        return key != null ? key : index != null ? "[" + index + "]" : "=" + value;
    }
}
