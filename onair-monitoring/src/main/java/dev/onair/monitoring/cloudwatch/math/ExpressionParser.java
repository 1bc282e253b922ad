package dev.onair.monitoring.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser for the part of CloudWatch metric math Onair evaluates:
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-' unary | primary
 * primary := number | name | name '(' [expr (',' expr)*] ')' | '(' expr ')' | '[' expr (',' expr)* ']'
 * </pre>
 *
 * Function names are case-insensitive and normalised to upper case; query ids keep their case.
 */
public final class ExpressionParser {
  private final String text;
  private int position;

  private ExpressionParser(String text) {
    this.text = text;
  }

  public static Expr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new MathException("The expression is empty.");
    }
    ExpressionParser parser = new ExpressionParser(text);
    Expr expr = parser.expression();
    parser.skipSpace();
    if (parser.position != text.length()) {
      throw new MathException("Unexpected '" + text.charAt(parser.position) + "' at position " + parser.position);
    }
    return expr;
  }

  private Expr expression() {
    Expr left = term();
    while (true) {
      skipSpace();
      if (peek('+') || peek('-')) {
        char operator = text.charAt(position++);
        left = new Expr.Binary(operator, left, term());
      } else {
        return left;
      }
    }
  }

  private Expr term() {
    Expr left = unary();
    while (true) {
      skipSpace();
      if (peek('*') || peek('/')) {
        char operator = text.charAt(position++);
        left = new Expr.Binary(operator, left, unary());
      } else {
        return left;
      }
    }
  }

  private Expr unary() {
    skipSpace();
    if (peek('-')) {
      position++;
      return new Expr.Negate(unary());
    }
    return primary();
  }

  private Expr primary() {
    skipSpace();
    if (position >= text.length()) {
      throw new MathException("The expression ends unexpectedly.");
    }
    char next = text.charAt(position);
    if (next == '(') {
      position++;
      Expr inner = expression();
      expect(')');
      return inner;
    }
    if (next == '[') {
      position++;
      List<Expr> items = list(']');
      return new Expr.Array(items);
    }
    if (Character.isDigit(next) || next == '.') {
      return number();
    }
    if (Character.isLetter(next) || next == '_') {
      String name = name();
      skipSpace();
      if (peek('(')) {
        position++;
        return new Expr.Call(name.toUpperCase(Locale.ROOT), list(')'));
      }
      return new Expr.Reference(name);
    }
    throw new MathException("Unexpected '" + next + "' at position " + position);
  }

  private List<Expr> list(char close) {
    List<Expr> items = new ArrayList<>();
    skipSpace();
    if (peek(close)) {
      position++;
      return items;
    }
    while (true) {
      items.add(expression());
      skipSpace();
      if (peek(',')) {
        position++;
      } else {
        expect(close);
        return items;
      }
    }
  }

  private Expr number() {
    int start = position;
    while (position < text.length()
        && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
      position++;
    }
    if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
      position++;
      if (peek('+') || peek('-')) {
        position++;
      }
      while (position < text.length() && Character.isDigit(text.charAt(position))) {
        position++;
      }
    }
    try {
      return new Expr.Number(Double.parseDouble(text.substring(start, position)));
    } catch (NumberFormatException e) {
      throw new MathException("Invalid number '" + text.substring(start, position) + "'");
    }
  }

  private String name() {
    int start = position;
    while (position < text.length()
        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
      position++;
    }
    return text.substring(start, position);
  }

  private void expect(char wanted) {
    skipSpace();
    if (!peek(wanted)) {
      throw new MathException("Expected '" + wanted + "' at position " + position);
    }
    position++;
  }

  private boolean peek(char wanted) {
    return position < text.length() && text.charAt(position) == wanted;
  }

  private void skipSpace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }
}
