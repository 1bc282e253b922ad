package dev.onair.ivs.validate;

import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import dev.onair.protocol.tree.StructNode.MemberTypeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one request structure member by member against the model's constraints, recording every failure in
 * {@link Violations} instead of stopping at the first. Accessors return null for absent or invalid members; the
 * caller throws with {@link #done()} once everything was read. Members the model does not know are never looked
 * at, which is how unknown fields end up ignored.
 */
public final class Input {
  private final StructNode node;
  private final String prefix;
  private final Violations violations;

  private Input(StructNode node, String prefix, Violations violations) {
    this.node = node == null ? StructNode.EMPTY : node;
    this.prefix = prefix;
    this.violations = violations;
  }

  public static Input of(StructNode node) {
    return new Input(node, "", new Violations());
  }

  /** Throws ValidationException listing every failure seen so far. */
  public void done() {
    violations.throwIfAny();
  }

  public Violations violations() {
    return violations;
  }

  public boolean has(String member) {
    return node.has(member);
  }

  public String path(String member) {
    return prefix + member;
  }

  public String required(String member, StringRule rule) {
    if (absent(member, true)) {
      return null;
    }
    return string(member, rule);
  }

  public String string(String member, StringRule rule) {
    String value;
    try {
      value = node.string(member);
    } catch (MemberTypeException e) {
      typeError(member, "Member must be a string");
      return null;
    }
    if (value == null) {
      return null;
    }
    List<String> failures = rule.failures(value);
    for (String failure : failures) {
      violations.add(render(value, rule.sensitive()), path(member), failure);
    }
    return failures.isEmpty() ? value : null;
  }

  public Boolean bool(String member) {
    try {
      return node.bool(member);
    } catch (MemberTypeException e) {
      typeError(member, "Member must be a boolean");
      return null;
    }
  }

  /** Whether the member is missing; a missing required member is recorded as AWS words it. */
  private boolean absent(String member, boolean required) {
    if (node.has(member)) {
      return false;
    }
    if (required) {
      violations.add("null", path(member), "Member must not be null");
    }
    return true;
  }

  public Long number(String member, Long min, Long max, boolean required) {
    if (absent(member, required)) {
      return null;
    }
    Long value;
    try {
      value = node.longValue(member);
    } catch (MemberTypeException e) {
      typeError(member, "Member must be an integer");
      return null;
    }
    boolean valid = true;
    if (min != null && value < min) {
      violations.add("'" + value + "'", path(member), "Member must have value greater than or equal to " + min);
      valid = false;
    }
    if (max != null && value > max) {
      violations.add("'" + value + "'", path(member), "Member must have value less than or equal to " + max);
      valid = false;
    }
    return valid ? value : null;
  }

  public Integer integer(String member, Long min, Long max, boolean required) {
    Long value = number(member, min, max, required);
    return value == null ? null : Math.toIntExact(value);
  }

  /** A list of strings; absent is null, so callers can tell "not given" from "given empty". */
  public List<String> strings(String member, Integer minItems, Integer maxItems, StringRule item, boolean required) {
    if (absent(member, required)) {
      return null;
    }
    ListNode list;
    try {
      list = node.list(member);
    } catch (MemberTypeException e) {
      typeError(member, "Member must be a list");
      return null;
    }
    int before = violations.messages().size();
    checkSize(member, list.strings().toString(), list.size(), minItems, maxItems);
    List<String> values = new ArrayList<>();
    int index = 1;
    for (Node element : list.items()) {
      String text = element.asText();
      String elementPath = path(member) + "." + index + ".member";
      if (text == null) {
        violations.add("null", elementPath, "Member must be a string");
      } else {
        for (String failure : item.failures(text)) {
          violations.add(render(text, item.sensitive()), elementPath, failure);
        }
        values.add(text);
      }
      index++;
    }
    return violations.messages().size() == before ? values : null;
  }

  /** A nested structure, read with the member's path as prefix ("destinationConfiguration.s3.bucketName"). */
  public Input struct(String member, boolean required) {
    if (absent(member, required)) {
      return null;
    }
    try {
      return new Input(node.struct(member), path(member) + ".", violations);
    } catch (MemberTypeException e) {
      typeError(member, "Member must be a structure");
      return null;
    }
  }

  /** A list of structures. */
  public List<Input> structs(String member, Integer minItems, Integer maxItems, boolean required) {
    if (absent(member, required)) {
      return null;
    }
    ListNode list;
    try {
      list = node.list(member);
    } catch (MemberTypeException e) {
      typeError(member, "Member must be a list");
      return null;
    }
    checkSize(member, "[" + list.size() + " items]", list.size(), minItems, maxItems);
    List<Input> items = new ArrayList<>();
    int index = 1;
    for (Node element : list.items()) {
      String elementPath = path(member) + "." + index + ".member";
      if (element instanceof StructNode struct) {
        items.add(new Input(struct, elementPath + ".", violations));
      } else if (element instanceof MapNode map) {
        items.add(new Input(new StructNode(map.entries()), elementPath + ".", violations));
      } else {
        violations.add("null", elementPath, "Member must be a structure");
      }
      index++;
    }
    return items;
  }

  /** A string-to-string map such as tags; AWS reports key and value failures as one constraint each. */
  public Map<String, String> stringMap(
      String member, Integer maxEntries, StringRule key, StringRule value, boolean required) {
    if (absent(member, required)) {
      return null;
    }
    MapNode map;
    try {
      map = node.map(member);
    } catch (MemberTypeException e) {
      typeError(member, "Member must be a map");
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> keyFailures = new ArrayList<>();
    List<String> valueFailures = new ArrayList<>();
    boolean nonText = false;
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      String text = entry.getValue().asText();
      if (text == null) {
        nonText = true;
        continue;
      }
      addNew(keyFailures, key.failures(entry.getKey()));
      addNew(valueFailures, value.failures(text));
      values.put(entry.getKey(), text);
    }
    int before = violations.messages().size();
    String rendered = "'" + renderMap(values) + "'";
    if (maxEntries != null && map.entries().size() > maxEntries) {
      violations.add(rendered, path(member), "Member must have length less than or equal to " + maxEntries);
    }
    if (!keyFailures.isEmpty()) {
      violations.add(rendered, path(member), "Map keys must satisfy constraint: [" + String.join(", ", keyFailures) + "]");
    }
    if (!valueFailures.isEmpty()) {
      violations.add(
          rendered, path(member), "Map value must satisfy constraint: [" + String.join(", ", valueFailures) + "]");
    }
    if (nonText) {
      violations.add(rendered, path(member), "Map value must be a string");
    }
    return violations.messages().size() == before ? values : null;
  }

  /** A failure that no model constraint describes but that AWS also reports as a validation error. */
  public void fail(String member, String renderedValue, String constraint) {
    violations.add(renderedValue, path(member), constraint);
  }

  private void checkSize(String member, String rendered, int size, Integer min, Integer max) {
    if (min != null && size < min) {
      violations.add("'" + rendered + "'", path(member), "Member must have length greater than or equal to " + min);
    }
    if (max != null && size > max) {
      violations.add("'" + rendered + "'", path(member), "Member must have length less than or equal to " + max);
    }
  }

  private void typeError(String member, String constraint) {
    violations.add("'" + node.get(member) + "'", path(member), constraint);
  }

  private static void addNew(List<String> into, List<String> failures) {
    for (String failure : failures) {
      if (!into.contains(failure)) {
        into.add(failure);
      }
    }
  }

  private static String renderMap(Map<String, String> values) {
    StringBuilder builder = new StringBuilder("{");
    values.forEach((k, v) -> builder.append(builder.length() > 1 ? ", " : "").append(k).append('=').append(v));
    return builder.append('}').toString();
  }

  private static String render(String value, boolean sensitive) {
    return sensitive ? "'***'" : "'" + value + "'";
  }
}
