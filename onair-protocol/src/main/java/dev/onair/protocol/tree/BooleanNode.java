package dev.onair.protocol.tree;

public record BooleanNode(boolean value) implements Node {
  public static final BooleanNode TRUE = new BooleanNode(true);
  public static final BooleanNode FALSE = new BooleanNode(false);

  public static BooleanNode of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public String asText() {
    return Boolean.toString(value);
  }
}
