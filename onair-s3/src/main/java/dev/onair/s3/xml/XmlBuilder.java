package dev.onair.s3.xml;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes S3's response documents. S3 responses are small, flat and written in model order, so a streaming builder
 * is enough and keeps onair-s3 free of an XML binding library.
 */
public final class XmlBuilder {
  public static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  private XmlBuilder(String root, String namespace) {
    out.append('<').append(root);
    if (namespace != null) {
      out.append(" xmlns=\"").append(namespace).append('"');
    }
    out.append('>');
    open.push(root);
  }

  /** A document in S3's namespace. */
  public static XmlBuilder s3(String root) {
    return new XmlBuilder(root, S3_NAMESPACE);
  }

  public XmlBuilder start(String name) {
    out.append('<').append(name).append('>');
    open.push(name);
    return this;
  }

  public XmlBuilder end() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** Writes the element, or nothing when the value is null (S3 omits absent members). */
  public XmlBuilder element(String name, String value) {
    if (value != null) {
      out.append('<').append(name).append('>');
      escape(value);
      out.append("</").append(name).append('>');
    }
    return this;
  }

  /** Text content of the element currently open. */
  public XmlBuilder text(String value) {
    escape(value);
    return this;
  }

  public XmlBuilder element(String name, long value) {
    return element(name, Long.toString(value));
  }

  public XmlBuilder element(String name, boolean value) {
    return element(name, Boolean.toString(value));
  }

  /** S3 writes timestamps in XML as ISO-8601 with milliseconds: {@code 2009-10-12T17:50:30.000Z}. */
  public XmlBuilder element(String name, Instant value) {
    return value == null ? this : element(name, timestamp(value));
  }

  public static String timestamp(Instant value) {
    return DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.MILLIS))
        .replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z");
  }

  public byte[] toBytes() {
    while (!open.isEmpty()) {
      end();
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void escape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\r' -> out.append("&#13;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
