package dev.onair.console.web;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A fragment of markup that is safe to emit as is. The only ways to get one are a template (whose literal text is
 * written by us and whose holes are escaped unless they are themselves {@code Html}) and {@link #text}; so any text
 * that came from a request or a store is escaped by construction, never by remembering to.
 */
public final class Html {
  public static final Html EMPTY = new Html("");

  private final String markup;

  private Html(String markup) {
    this.markup = markup;
  }

  /**
   * Fills each {@code {}} in {@code template} with the next argument: an {@code Html} as is, null as nothing,
   * anything else as escaped text. Escaping covers both text and double-quoted attribute values; templates must
   * quote attributes with double quotes.
   */
  public static Html of(String template, Object... arguments) {
    requireNonNull(template, "template is null");
    StringBuilder out = new StringBuilder(template.length() + 64);
    int argument = 0;
    int from = 0;
    int hole;
    while ((hole = template.indexOf("{}", from)) >= 0) {
      if (argument >= arguments.length) {
        throw new IllegalArgumentException("template has more holes than arguments: " + template);
      }
      out.append(template, from, hole);
      append(out, arguments[argument++]);
      from = hole + 2;
    }
    if (argument != arguments.length) {
      throw new IllegalArgumentException("template has fewer holes than arguments: " + template);
    }
    out.append(template, from, template.length());
    return new Html(out.toString());
  }

  /** Text, escaped. */
  public static Html text(Object value) {
    return value == null ? EMPTY : new Html(escape(String.valueOf(value)));
  }

  public static Html join(Iterable<Html> parts) {
    StringBuilder out = new StringBuilder();
    for (Html part : parts) {
      out.append(part.markup);
    }
    return new Html(out.toString());
  }

  public static Html join(Html... parts) {
    return join(java.util.Arrays.asList(parts));
  }

  /**
   * Markup written as a literal in this code base (an attribute snippet such as {@code " required"}). Never pass
   * text that came from a request or a store.
   */
  public static Html literal(String markup) {
    return new Html(requireNonNull(markup, "markup is null"));
  }

  /** Renders nothing unless {@code condition}. */
  public static Html when(boolean condition, Html fragment) {
    return condition ? fragment : EMPTY;
  }

  /** One path segment, percent-encoded so a name with '/', '?' or '#' cannot change the route. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '`' -> "&#96;";
            default -> null;
          };
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static void append(StringBuilder out, Object argument) {
    if (argument == null) {
      return;
    }
    if (argument instanceof Html html) {
      out.append(html.markup);
    } else {
      out.append(escape(String.valueOf(argument)));
    }
  }

  public String markup() {
    return markup;
  }

  @Override
  public String toString() {
    return markup;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Html that && markup.equals(that.markup);
  }

  @Override
  public int hashCode() {
    return markup.hashCode();
  }
}
