package dev.onair.console.web;

import dev.onair.protocol.http.FormDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Form fields (a POST body) or query parameters, decoded, repeats kept for check boxes. */
public final class Form {
  public static final Form EMPTY = new Form(List.of());

  private final List<Map.Entry<String, String>> fields;

  public Form(List<Map.Entry<String, String>> fields) {
    this.fields = List.copyOf(fields);
  }

  public static Form parse(String encoded) {
    try {
      return new Form(FormDecoder.decode(encoded));
    } catch (RuntimeException malformed) {
      return EMPTY;
    }
  }

  /** The first value, or null. */
  public String get(String name) {
    for (Map.Entry<String, String> field : fields) {
      if (field.getKey().equals(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  /** The first value trimmed; null when absent or blank. */
  public String trimmed(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> field : fields) {
      if (field.getKey().equals(name)) {
        values.add(field.getValue());
      }
    }
    return values;
  }

  public boolean checked(String name) {
    String value = get(name);
    return value != null && !value.isEmpty() && !value.equals("false");
  }

  /** Field names only: values may be passwords. */
  @Override
  public String toString() {
    return "Form" + fields.stream().map(Map.Entry::getKey).toList();
  }
}
