package dev.onair.protocol.tree;

import static java.util.Objects.requireNonNull;

public record StringNode(String value) implements Node {
  public StringNode {
    requireNonNull(value, "value is null");
  }

  @Override
  public String asText() {
    return value;
  }
}
