package dev.onair.iam.analyzer;

import dev.onair.policy.validation.PathElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a finding's path into Access Analyzer's span: line from 1, column from 0, offset from 0, end exclusive,
 * all in UTF-16 units of the document as sent. A path that no longer resolves (the validator names the element
 * IAM would have expected) is spanned at the deepest element that does, so a location is never missing.
 */
final class PolicyLocator {
  record Position(int line, int column, int offset) {}

  record Span(Position start, Position end) {}

  private final String text;
  private final JsonText.Value root;
  private final int errorOffset;
  private final int[] lineStarts;

  PolicyLocator(String text) {
    this.text = text == null ? "" : text;
    JsonText.Value parsed = null;
    int error = -1;
    try {
      parsed = JsonText.parse(this.text);
    } catch (JsonText.SyntaxError e) {
      error = e.offset;
    }
    this.root = parsed;
    this.errorOffset = error;
    this.lineStarts = lineStarts(this.text);
  }

  Span span(List<PathElement> path) {
    if (root == null) {
      // Not JSON: point at the character where reading failed, as a one-character span.
      int start = Math.min(errorOffset, text.length());
      return new Span(position(start), position(Math.min(start + 1, text.length())));
    }
    JsonText.Value node = resolve(path);
    return new Span(position(node.start()), position(node.end()));
  }

  private JsonText.Value resolve(List<PathElement> path) {
    JsonText.Value node = root;
    for (PathElement element : path) {
      JsonText.Value next = step(node, element);
      if (next == null) {
        return node;
      }
      node = next;
    }
    return node;
  }

  private static JsonText.Value step(JsonText.Value node, PathElement element) {
    if (element.key() != null) {
      return member(node, element.key());
    }
    if (element.index() != null) {
      if (node instanceof JsonText.ArrayValue array) {
        return element.index() < array.items().size() ? array.items().get(element.index()) : null;
      }
      // IAM accepts a single statement or a single string where a list is allowed; index 0 is that value.
      return element.index() == 0 ? node : null;
    }
    String wanted = element.value();
    if (node instanceof JsonText.ArrayValue array) {
      for (JsonText.Value item : array.items()) {
        if (item instanceof JsonText.ScalarValue scalar && scalar.text().equals(wanted)) {
          return item;
        }
      }
      return null;
    }
    return node instanceof JsonText.ScalarValue scalar && scalar.text().equals(wanted) ? node : null;
  }

  private static JsonText.Value member(JsonText.Value node, String key) {
    if (!(node instanceof JsonText.ObjectValue object)) {
      return null;
    }
    for (JsonText.Member member : object.members()) {
      if (member.key().equals(key)) {
        return member.value();
      }
    }
    for (JsonText.Member member : object.members()) {
      if (member.key().equalsIgnoreCase(key)) {
        return member.value();
      }
    }
    return null;
  }

  private Position position(int offset) {
    int line = java.util.Arrays.binarySearch(lineStarts, offset);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line + 1, offset - lineStarts[line], offset);
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
