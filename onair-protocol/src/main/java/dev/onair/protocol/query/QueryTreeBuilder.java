package dev.onair.protocol.query;

import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns flat Query parameter names into a tree without a model: {@code A.B} nests a structure, {@code
 * X.member.N} is the Nth list item (1-based, ordered by N, gaps closed), {@code X.entry.N.key/value} is a map
 * entry. Scalars stay text; {@link StructNode}'s accessors coerce them when the service reads them.
 */
final class QueryTreeBuilder {
  /**
   * More name segments than any AWS model nests (CloudWatch's deepest is 8). Such a name is no member, so it is
   * ignored like any unknown parameter; building it would recurse once per segment and a 20 KB name overflowed the
   * stack.
   */
  static final int MAX_SEGMENTS = 64;

  private QueryTreeBuilder() {}

  static StructNode build(List<Map.Entry<String, String>> parameters) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters) {
      String[] path = parameter.getKey().split("\\.", MAX_SEGMENTS + 1);
      if (path.length <= MAX_SEGMENTS) {
        insert(root, path, parameter.getValue());
      }
    }
    return struct(root);
  }

  @SuppressWarnings("unchecked")
  private static void insert(Map<String, Object> root, String[] path, String value) {
    Map<String, Object> current = root;
    for (int i = 0; i < path.length - 1; i++) {
      Object child = current.get(path[i]);
      if (!(child instanceof Map)) {
        // a scalar and a structure under one name: the structure is what a model would accept
        child = new LinkedHashMap<String, Object>();
        current.put(path[i], child);
      }
      current = (Map<String, Object>) child;
    }
    String last = path[path.length - 1];
    if (!(current.get(last) instanceof Map)) {
      current.put(last, value);
    }
  }

  private static StructNode struct(Map<String, Object> map) {
    Map<String, Node> members = new LinkedHashMap<>();
    map.forEach((name, value) -> members.put(name, node(value)));
    return new StructNode(members);
  }

  @SuppressWarnings("unchecked")
  private static Node node(Object value) {
    if (value instanceof String text) {
      return new StringNode(text);
    }
    Map<String, Object> map = (Map<String, Object>) value;
    if (map.size() == 1 && map.get("member") instanceof Map) {
      TreeMap<Integer, Object> items = indexed((Map<String, Object>) map.get("member"));
      if (items != null) {
        List<Node> list = new ArrayList<>();
        items.values().forEach(item -> list.add(node(item)));
        return new ListNode(list);
      }
    }
    if (map.size() == 1 && map.get("entry") instanceof Map) {
      MapNode entries = entries((Map<String, Object>) map.get("entry"));
      if (entries != null) {
        return entries;
      }
    }
    return struct(map);
  }

  /** The children keyed by positive integers in numeric order, or null when a key is not one. */
  private static TreeMap<Integer, Object> indexed(Map<String, Object> map) {
    TreeMap<Integer, Object> items = new TreeMap<>();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      Integer index = positive(entry.getKey());
      if (index == null) {
        return null;
      }
      items.put(index, entry.getValue());
    }
    return items;
  }

  @SuppressWarnings("unchecked")
  private static MapNode entries(Map<String, Object> map) {
    TreeMap<Integer, Object> items = indexed(map);
    if (items == null) {
      return null;
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (Object item : items.values()) {
      if (!(item instanceof Map)) {
        return null;
      }
      Map<String, Object> entry = (Map<String, Object>) item;
      if (!(entry.get("key") instanceof String key) || !entry.containsKey("value")) {
        return null;
      }
      entries.put(key, node(entry.get("value")));
    }
    return new MapNode(entries);
  }

  private static Integer positive(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    int value = Integer.parseInt(text);
    return value >= 1 ? value : null;
  }
}
