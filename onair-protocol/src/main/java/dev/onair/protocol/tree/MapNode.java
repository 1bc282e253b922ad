package dev.onair.protocol.tree;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A map shape (string keys), e.g. IVS tags or IAM's SummaryMap. Insertion order is kept. */
public record MapNode(Map<String, Node> entries) implements Node {
  public MapNode {
    requireNonNull(entries, "entries is null");
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public static MapNode ofStrings(Map<String, String> values) {
    Map<String, Node> entries = new LinkedHashMap<>();
    values.forEach((key, value) -> entries.put(key, new StringNode(value)));
    return new MapNode(entries);
  }

  /** The entries whose values are text. */
  public Map<String, String> strings() {
    Map<String, String> values = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          String text = value.asText();
          if (text != null) {
            values.put(key, text);
          }
        });
    return values;
  }

  @Override
  public String asText() {
    return null;
  }
}
