package dev.onair.console.web;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.protocol.tree.StructNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Display formats: times as AWS's console writes them (UTC here), policy documents pretty-printed. */
public final class Fmt {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fmt() {}

  public static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }

  public static String time(StructNode node, String member) {
    try {
      return time(node.timestamp(member));
    } catch (RuntimeException unreadable) {
      return node.string(member);
    }
  }

  /** "3 days ago", the way AWS lists last activity. */
  public static String ago(Instant instant, Instant now) {
    if (instant == null) {
      return "Never";
    }
    Duration age = Duration.between(instant, now);
    if (age.toMinutes() < 1) {
      return "Just now";
    }
    if (age.toHours() < 1) {
      return plural(age.toMinutes(), "minute") + " ago";
    }
    if (age.toDays() < 1) {
      return plural(age.toHours(), "hour") + " ago";
    }
    return plural(age.toDays(), "day") + " ago";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }

  /** IAM returns policy documents URL-encoded (RFC 3986); text that is not encoded passes through unchanged. */
  public static String policyDocument(String encoded) {
    if (encoded == null) {
      return "";
    }
    String decoded = encoded.trim().startsWith("%7B") || encoded.contains("%22")
        ? URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)
        : encoded;
    return prettyJson(decoded);
  }

  public static String prettyJson(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
      printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
      return JSON.writer(printer).writeValueAsString(tree);
    } catch (Exception notJson) {
      return json;
    }
  }

  public static ObjectMapper json() {
    return JSON;
  }

  public static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }
}
