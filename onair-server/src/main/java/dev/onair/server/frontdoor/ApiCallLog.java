package dev.onair.server.frontdoor;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON object per line per API call, on logger {@code onair.api}: time, request id, principal ARN, action,
 * decision, status, latency. Log shippers parse it without a grok pattern. Never a header value, a body or a query
 * string, since any of them may carry credentials or secrets.
 */
final class ApiCallLog {
  private static final Logger LOG = LoggerFactory.getLogger("onair.api");

  enum Decision {
    ALLOW,
    DENY,
    /** The request never reached authorization (authentication or parse failure). */
    NONE
  }

  /** One per worker thread: the line is copied into the log event's String, so the builder can be reused. */
  private static final ThreadLocal<StringBuilder> LINES = ThreadLocal.withInitial(() -> new StringBuilder(256));
  /** The formatted second ("2026-11-30T09:45:27.") shared by every line within it. */
  private static volatile SecondPrefix second = new SecondPrefix(Long.MIN_VALUE, "");

  private record SecondPrefix(long epochSecond, String text) {}

  private ApiCallLog() {}

  /** ISO-8601 UTC with milliseconds ({@code 2026-11-30T09:45:27.123Z}); formats a second once, not per line. */
  static void appendTime(StringBuilder line, long epochMillis) {
    long epochSecond = Math.floorDiv(epochMillis, 1000);
    SecondPrefix prefix = second;
    if (prefix.epochSecond() != epochSecond) {
      String text = Instant.ofEpochSecond(epochSecond).toString(); // "…:27Z": no fraction at a whole second
      prefix = new SecondPrefix(epochSecond, text.substring(0, text.length() - 1) + '.');
      second = prefix;
    }
    int millis = (int) Math.floorMod(epochMillis, 1000);
    line.append(prefix.text())
        .append((char) ('0' + millis / 100))
        .append((char) ('0' + millis / 10 % 10))
        .append((char) ('0' + millis % 10))
        .append('Z');
  }

  static void log(
      String requestId, String principal, String action, Decision decision, int status, long latencyMillis) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    StringBuilder line = LINES.get();
    line.setLength(0);
    line.append("{\"time\":\"");
    appendTime(line, System.currentTimeMillis());
    line.append('"');
    field(line, "requestId", requestId);
    field(line, "principal", principal);
    field(line, "action", action);
    field(line, "decision", decision.name());
    line.append(",\"status\":").append(status);
    line.append(",\"latencyMs\":").append(latencyMillis).append('}');
    LOG.info(line.toString());
  }

  private static void field(StringBuilder line, String name, String value) {
    line.append(",\"").append(name).append("\":");
    if (value == null) {
      line.append("null");
      return;
    }
    line.append('"');
    appendEscaped(line, value);
    line.append('"');
  }

  /**
   * JSON string escaping (RFC 8259), by jackson-core's encoder; ARNs, actions and request ids are printable ASCII
   * without quotes or backslashes, so they are appended as they are after one scan.
   */
  static void appendEscaped(StringBuilder line, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
        JsonStringEncoder.getInstance().quoteAsString(value, line);
        return;
      }
    }
    line.append(value);
  }
}
