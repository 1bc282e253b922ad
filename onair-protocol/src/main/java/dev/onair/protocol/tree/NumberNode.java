package dev.onair.protocol.tree;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** An integer or decimal. Kept as BigDecimal so that parsing never loses what the client sent. */
public record NumberNode(BigDecimal value) implements Node {
  public NumberNode {
    requireNonNull(value, "value is null");
  }

  public static NumberNode of(long value) {
    return new NumberNode(BigDecimal.valueOf(value));
  }

  public static NumberNode of(double value) {
    return new NumberNode(BigDecimal.valueOf(value));
  }

  public boolean isIntegral() {
    return value.stripTrailingZeros().scale() <= 0;
  }

  @Override
  public String asText() {
    return isIntegral() ? value.toBigInteger().toString() : value.toPlainString();
  }
}
