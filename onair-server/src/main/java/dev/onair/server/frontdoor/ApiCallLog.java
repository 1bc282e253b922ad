package dev.onair.server.frontdoor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per API call: request id, principal ARN, action, decision, status, latency. Never a header value, a
 * body or a query string, since any of them may carry credentials or secrets.
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
    LOG.info(
        "request={} principal={} action={} decision={} status={} latencyMs={}",
        requestId,
        principal == null ? "-" : principal,
        action == null ? "-" : action,
        decision,
        status,
        latencyMillis);
  }
}
