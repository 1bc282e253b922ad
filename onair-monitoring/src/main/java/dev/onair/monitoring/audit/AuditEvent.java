package dev.onair.monitoring.audit;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One API call as the audit trail keeps it: who (principal, key id), what (action, resources), from where (IP,
 * user agent, region), when, and the outcome. Holds identifiers only: the access key id is logged by AWS too, and
 * no secret, signature or request body is ever recorded.
 *
 * @param action {@code service:Operation}, e.g. {@code ivs:DeleteChannel}
 * @param principalType CloudTrail's userIdentity.type: Root, IAMUser, AssumedRole, Unknown
 * @param userName the IAM user name, the role session name, or {@code root}
 * @param errorCode null when the call succeeded; the wire error code otherwise (AccessDenied…)
 */
public record AuditEvent(
    String eventId,
    Instant time,
    String requestId,
    String accountId,
    String principalArn,
    String principalId,
    String principalType,
    String userName,
    String accessKeyId,
    String action,
    List<String> resources,
    String sourceIp,
    String userAgent,
    String region,
    Decision decision,
    String errorCode,
    String errorMessage) {

  public AuditEvent {
    requireNonNull(eventId, "eventId is null");
    requireNonNull(time, "time is null");
    requireNonNull(requestId, "requestId is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(action, "action is null");
    requireNonNull(decision, "decision is null");
    resources = resources == null ? List.of() : List.copyOf(resources);
    if (userAgent != null && userAgent.length() > 1024) {
      userAgent = userAgent.substring(0, 1024);
    }
    if (errorMessage != null && errorMessage.length() > 2048) {
      errorMessage = errorMessage.substring(0, 2048);
    }
  }

  /**
   * The event for a call, filled from its context: what the front door passes to {@link AuditLog#record} after
   * authorization (denied) or after the handler ran (allowed, with or without an error).
   *
   * @param resources the ARNs the authorization checks named ({@code *} entries are dropped)
   */
  public static AuditEvent of(
      CallContext context,
      String action,
      List<String> resources,
      Decision decision,
      String errorCode,
      String errorMessage) {
    Caller caller = context.caller();
    List<String> named = named(resources);
    return new AuditEvent(
        TimeOrderedIds.next(context.requestTime()),
        context.requestTime(),
        context.requestId(),
        context.accountId(),
        caller.arn(),
        caller.userId(),
        principalType(caller),
        userName(caller),
        caller.accessKeyId(),
        action,
        named,
        context.httpRequest() == null ? null : sourceIp(context),
        context.httpRequest() == null ? null : userAgent(context),
        context.region(),
        decision,
        errorCode,
        errorMessage);
  }

  /** The ARNs without {@code *} and duplicates; most calls name one resource, which costs no stream. */
  static List<String> named(List<String> resources) {
    if (resources.size() == 1) {
      String arn = resources.get(0);
      return "*".equals(arn) ? List.of() : List.of(arn);
    }
    return resources.stream().filter(arn -> !"*".equals(arn)).distinct().toList();
  }

  private static String sourceIp(CallContext context) {
    return context.httpRequest().remoteAddress();
  }

  private static String userAgent(CallContext context) {
    return context.httpRequest().headers().first("user-agent").orElse(null);
  }

  static String principalType(Caller caller) {
    switch (caller.type()) {
      case ROOT:
        return "Root";
      case USER:
        return "IAMUser";
      case ASSUMED_ROLE:
        return "AssumedRole";
      case ANONYMOUS:
        return "AWSAccount";
    }
    return "Unknown";
  }

  static String userName(Caller caller) {
    switch (caller.type()) {
      case ROOT:
        return "root";
      case ASSUMED_ROLE:
        return caller.sessionName();
      default:
        return caller.name();
    }
  }

  /** The operation part of the action: CloudTrail's eventName. */
  public String eventName() {
    int colon = action.indexOf(':');
    return colon < 0 ? action : action.substring(colon + 1);
  }

  /** CloudTrail's eventSource: the service's endpoint name ({@code cloudwatch} calls come from monitoring). */
  public String eventSource() {
    int colon = action.indexOf(':');
    String service = colon < 0 ? "unknown" : action.substring(0, colon);
    return ("cloudwatch".equals(service) ? "monitoring" : service) + ".amazonaws.com";
  }

  /** Whether the operation only reads, as CloudTrail's ReadOnly attribute says. */
  public boolean readOnly() {
    String name = eventName().toLowerCase(Locale.ROOT);
    return name.startsWith("get")
        || name.startsWith("list")
        || name.startsWith("describe")
        || name.startsWith("batchget")
        || name.startsWith("lookup");
  }
}
