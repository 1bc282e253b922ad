package dev.onair.monitoring.cloudwatch.math;

import java.util.List;

/** A parsed metric-math expression. */
public sealed interface Expr {
  record Number(double value) implements Expr {}

  /** A reference to another query's Id, or a bare word argument such as FILL's REPEAT. */
  record Reference(String name) implements Expr {}

  record Negate(Expr operand) implements Expr {}

  record Binary(char operator, Expr left, Expr right) implements Expr {}

  record Call(String function, List<Expr> arguments) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code [m1, m2]}: an array of time series. */
  record Array(List<Expr> items) implements Expr {
    public Array {
      items = List.copyOf(items);
    }
  }
}
