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

  private ApiCallLog() {}

  static void log(
      String requestId, String principal, String action, Decision decision, int status, long latencyMillis) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    StringBuilder line = new StringBuilder(256);
    line.append("{\"time\":\"").append(Instant.now()).append('"');
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

  /** JSON string escaping (RFC 8259), by jackson-core's encoder. */
  static void appendEscaped(StringBuilder line, String value) {
    JsonStringEncoder.getInstance().quoteAsString(value, line);
  }
}
