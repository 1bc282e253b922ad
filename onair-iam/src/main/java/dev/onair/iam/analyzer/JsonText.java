package dev.onair.iam.analyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON document parsed only for where things are: each value with its start and end offset in the original
 * text, so that findings can be given a span. Jackson's tree forgets positions, hence this small reader.
 */
final class JsonText {
  sealed interface Value permits ObjectValue, ArrayValue, ScalarValue {
    int start();

    int end();
  }

  record Member(String key, Value value) {}

  record ObjectValue(int start, int end, List<Member> members) implements Value {}

  record ArrayValue(int start, int end, List<Value> items) implements Value {}

  /** A string (decoded) or a literal (number, true, false, null) as written. */
  record ScalarValue(int start, int end, String text) implements Value {}

  /** The text is not JSON; {@code offset} is where reading failed. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;

    SyntaxError(int offset) {
      super("JSON syntax error at offset " + offset, null, false, false);
      this.offset = offset;
    }
  }

  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;

  private JsonText(String text) {
    this.text = text;
  }

  static Value parse(String text) throws SyntaxError {
    JsonText reader = new JsonText(text);
    reader.skipWhitespace();
    Value root = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw new SyntaxError(reader.pos);
    }
    return root;
  }

  private Value value(int depth) throws SyntaxError {
    if (pos >= text.length() || depth > MAX_DEPTH) {
      throw new SyntaxError(pos);
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> {
        int start = pos;
        String decoded = string();
        yield new ScalarValue(start, pos, decoded);
      }
      default -> literal();
    };
  }

  private ObjectValue object(int depth) throws SyntaxError {
    int start = pos++;
    List<Member> members = new ArrayList<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return new ObjectValue(start, pos, members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw new SyntaxError(pos);
      }
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      members.add(new Member(key, value(depth + 1)));
      skipWhitespace();
      char next = peek();
      pos++;
      if (next == '}') {
        return new ObjectValue(start, pos, members);
      }
      if (next != ',') {
        throw new SyntaxError(pos - 1);
      }
    }
  }

  private ArrayValue array(int depth) throws SyntaxError {
    int start = pos++;
    List<Value> items = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return new ArrayValue(start, pos, items);
    }
    while (true) {
      skipWhitespace();
      items.add(value(depth + 1));
      skipWhitespace();
      char next = peek();
      pos++;
      if (next == ']') {
        return new ArrayValue(start, pos, items);
      }
      if (next != ',') {
        throw new SyntaxError(pos - 1);
      }
    }
  }

  private String string() throws SyntaxError {
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        char escaped = text.charAt(pos++);
        switch (escaped) {
          case '"', '\\', '/' -> out.append(escaped);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw new SyntaxError(pos);
            }
            try {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException e) {
              throw new SyntaxError(pos);
            }
            pos += 4;
          }
          default -> throw new SyntaxError(pos - 1);
        }
      } else if (c < 0x20) {
        throw new SyntaxError(pos - 1);
      } else {
        out.append(c);
      }
    }
    throw new SyntaxError(text.length());
  }

  private ScalarValue literal() throws SyntaxError {
    int start = pos;
    while (pos < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String literal = text.substring(start, pos);
    if (literal.equals("true") || literal.equals("false") || literal.equals("null")
        || literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return new ScalarValue(start, pos, literal);
    }
    throw new SyntaxError(start);
  }

  private char peek() throws SyntaxError {
    if (pos >= text.length()) {
      throw new SyntaxError(pos);
    }
    return text.charAt(pos);
  }

  private void expect(char c) throws SyntaxError {
    if (peek() != c) {
      throw new SyntaxError(pos);
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }
}
