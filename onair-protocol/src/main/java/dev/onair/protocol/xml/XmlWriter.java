package dev.onair.protocol.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming XML writer for AWS response documents. Text is always escaped and element names are
 * checked, so no caller can produce a document a client parser rejects (or one an attacker shaped through a user
 * name or tag value). Characters XML 1.0 cannot carry are replaced by U+FFFD.
 *
 * <p>Not thread-safe; one per response.
 */
public final class XmlWriter {
  private final StringBuilder out = new StringBuilder(256);
  private final Deque<String> open = new ArrayDeque<>();

  private XmlWriter(boolean declaration) {
    if (declaration) {
      out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
  }

  /** A document starting with the XML declaration, as AWS's Query and S3 responses do. */
  public static XmlWriter document() {
    return new XmlWriter(true);
  }

  /** A fragment without declaration, for tests and embedding. */
  public static XmlWriter fragment() {
    return new XmlWriter(false);
  }

  public XmlWriter start(String name) {
    out.append('<').append(checkName(name)).append('>');
    open.push(name);
    return this;
  }

  /** Starts the root element with its default namespace; a null namespace writes none. */
  public XmlWriter start(String name, String namespace) {
    out.append('<').append(checkName(name));
    if (namespace != null) {
      out.append(" xmlns=\"");
      escape(namespace, true);
      out.append('"');
    }
    out.append('>');
    open.push(name);
    return this;
  }

  public XmlWriter end() {
    if (open.isEmpty()) {
      throw new IllegalStateException("no open element");
    }
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  public XmlWriter text(String text) {
    if (open.isEmpty()) {
      throw new IllegalStateException("text outside an element");
    }
    escape(text, false);
    return this;
  }

  /** {@code <name>text</name>}; a null text writes nothing, since AWS omits absent members. */
  public XmlWriter element(String name, String text) {
    if (text == null) {
      return this;
    }
    return start(name).text(text).end();
  }

  /** {@code <name/>}, for present-but-empty results such as IAM's UpdateRoleResult. */
  public XmlWriter empty(String name) {
    out.append('<').append(checkName(name)).append("/>");
    return this;
  }

  public String toXml() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements " + open);
    }
    return out.toString();
  }

  public byte[] toBytes() {
    return toXml().getBytes(StandardCharsets.UTF_8);
  }

  private static String checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("empty element name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      boolean other = (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
      if (!letter && !(i > 0 && other)) {
        throw new IllegalArgumentException("not a safe XML element name: " + name);
      }
    }
    return name;
  }

  private void escape(String text, boolean attribute) {
    if (isPlain(text)) {
      out.append(text);
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        // a literal CR would be normalised away by the client's parser; the reference keeps it
        case '\r' -> out.append("&#13;");
        default -> appendChecked(text, i, c);
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      }
    }
  }

  /** Printable ASCII other than {@code & < > " \r}: what nearly every ARN, id and name is, appended as is. */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '&' || c == '<' || c == '>' || c == '"') {
        return false;
      }
    }
    return true;
  }

  private void appendChecked(String text, int index, char c) {
    if (c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
      out.append(c);
    } else if (Character.isHighSurrogate(c)
        && index + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(index + 1))) {
      out.append(c).append(text.charAt(index + 1));
    } else {
      out.append('\uFFFD');
    }
  }
}
