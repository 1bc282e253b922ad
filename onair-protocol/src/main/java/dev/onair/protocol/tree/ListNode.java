package dev.onair.protocol.tree;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

public record ListNode(List<Node> items) implements Node {
  public ListNode {
    requireNonNull(items, "items is null");
    items = List.copyOf(items);
  }

  public static ListNode of(Node... items) {
    return new ListNode(List.of(items));
  }

  public static ListNode ofStrings(Iterable<String> values) {
    List<Node> items = new ArrayList<>();
    for (String value : values) {
      items.add(new StringNode(value));
    }
    return new ListNode(items);
  }

  public static <T> ListNode map(Iterable<T> values, Function<T, ? extends Node> mapper) {
    List<Node> items = new ArrayList<>();
    for (T value : values) {
      items.add(mapper.apply(value));
    }
    return new ListNode(items);
  }

  public int size() {
    return items.size();
  }

  /** The items as text; structured items are skipped because a list of strings cannot hold them. */
  public List<String> strings() {
    List<String> values = new ArrayList<>();
    for (Node item : items) {
      String text = item.asText();
      if (text != null) {
        values.add(text);
      }
    }
    return values;
  }

  @Override
  public String asText() {
    return null;
  }
}
