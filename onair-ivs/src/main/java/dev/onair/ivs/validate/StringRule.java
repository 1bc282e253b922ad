package dev.onair.ivs.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraints the IVS model puts on a string shape. Patterns are matched against the whole value, as AWS's
 * validators do, and printed exactly as the model writes them.
 *
 * @param sensitive the value is a secret (stream key, metadata) and is never echoed in an error message
 */
public record StringRule(Integer min, Integer max, String patternText, List<String> enumValues, boolean sensitive) {
  public StringRule {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
  }

  public static StringRule length(Integer min, Integer max) {
    return new StringRule(min, max, null, null, false);
  }

  public static StringRule pattern(Integer min, Integer max, String pattern) {
    return new StringRule(min, max, pattern, null, false);
  }

  public static StringRule oneOf(String... values) {
    return new StringRule(null, null, null, List.of(values), false);
  }

  public StringRule asSensitive() {
    return new StringRule(min, max, patternText, enumValues, true);
  }

  /** The constraint texts this value fails, in AWS's wording; empty when valid. */
  public List<String> failures(String value) {
    List<String> failures = new ArrayList<>();
    int length = value.codePointCount(0, value.length());
    if (min != null && length < min) {
      failures.add("Member must have length greater than or equal to " + min);
    }
    if (max != null && length > max) {
      failures.add("Member must have length less than or equal to " + max);
    }
    if (patternText != null && !compiled().matcher(value).matches()) {
      failures.add("Member must satisfy regular expression pattern: " + patternText);
    }
    if (enumValues != null && !enumValues.contains(value)) {
      failures.add("Member must satisfy enum value set: [" + String.join(", ", enumValues) + "]");
    }
    return failures;
  }

  private Pattern compiled() {
    return Patterns.compile(patternText);
  }
}
