package dev.onair.monitoring.audit;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.InputReader;
import dev.onair.monitoring.PageToken;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * AWS CloudTrail (cloudtrail, 2013-11-01, awsJson1_1), LookupEvents only: the event history over the audit trail.
 * Needs {@code cloudtrail:LookupEvents} on {@code *}.
 */
public final class CloudTrailService {
  public static final String SIGNING_NAME = "cloudtrail";
  public static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
  private static final InputReader INPUT =
      new InputReader(CloudTrailErrorCode.INVALID_PARAMETER, CloudTrailErrorCode.INVALID_PARAMETER);
  private static final Set<String> KEYS =
      Set.of("EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId");

  private final AuditLog auditLog;

  public CloudTrailService(AuditLog auditLog) {
    this.auditLog = requireNonNull(auditLog, "auditLog is null");
  }

  public ServiceDefinition definition() {
    Operation lookup =
        new Operation(
            "LookupEvents",
            (context, input) -> List.of(AuthorizationCheck.of("cloudtrail:LookupEvents", "*")),
            this::lookupEvents);
    return new ServiceDefinition(
        SIGNING_NAME,
        List.of(AwsProtocol.AWS_JSON_1_1),
        null,
        "2013-11-01",
        TARGET_PREFIX,
        false,
        "com.amazonaws.cloudtrail.v20131101",
        CloudTrailErrorCode.ACCESS_DENIED,
        CloudTrailErrorCode.INVALID_PARAMETER,
        CloudTrailErrorCode.UNKNOWN_OPERATION,
        null,
        ServiceDefinition.index(List.of(lookup)));
  }

  OperationResult lookupEvents(CallContext context, StructNode input) {
    List<StructNode> attributes = INPUT.structs(input, "LookupAttributes");
    if (attributes.size() > 1) {
      throw new AwsServiceException(
          CloudTrailErrorCode.INVALID_LOOKUP_ATTRIBUTES, "You cannot specify more than one lookup attribute.");
    }
    String key = null;
    String value = null;
    if (!attributes.isEmpty()) {
      key = attributes.get(0).string("AttributeKey");
      value = attributes.get(0).string("AttributeValue");
      if (key == null || !KEYS.contains(key) || value == null || value.isEmpty()) {
        throw new AwsServiceException(
            CloudTrailErrorCode.INVALID_LOOKUP_ATTRIBUTES, "The lookup attribute is invalid.");
      }
    }
    Instant start = INPUT.timestamp(input, "StartTime");
    Instant end = INPUT.timestamp(input, "EndTime");
    if (start != null && end != null && start.isAfter(end)) {
      throw new AwsServiceException(
          CloudTrailErrorCode.INVALID_TIME_RANGE, "Start time must be earlier than end time.");
    }
    Integer max = INPUT.integer(input, "MaxResults");
    if (max != null && (max < 1 || max > 50)) {
      throw new AwsServiceException(CloudTrailErrorCode.INVALID_MAX_RESULTS, "MaxResults must be between 1 and 50.");
    }
    int limit = max == null ? 50 : max;
    String category = INPUT.string(input, "EventCategory");
    if (category != null && !"insight".equals(category)) {
      throw new AwsServiceException(CloudTrailErrorCode.INVALID_EVENT_CATEGORY, "The event category is invalid.");
    }
    Instant afterTime = null;
    String afterId = null;
    String token = INPUT.string(input, "NextToken");
    if (token != null && !token.isEmpty()) {
      String cursor = PageToken.decode("LookupEvents", token, CloudTrailService::invalidToken);
      int bar = cursor.indexOf('/');
      try {
        afterTime = Instant.parse(cursor.substring(0, bar));
        afterId = cursor.substring(bar + 1);
      } catch (RuntimeException e) {
        throw invalidToken();
      }
    }
    if ("insight".equals(category)) {
      // Onair produces no Insights events
      return OperationResult.output(StructNode.builder().put("Events", new ListNode(List.of())).build());
    }
    List<AuditEvent> events =
        auditLog.lookup(new AuditQuery(context.accountId(), key, value, start, end, afterTime, afterId, limit + 1));
    boolean more = events.size() > limit;
    List<AuditEvent> page = more ? events.subList(0, limit) : events;
    List<Node> out = new ArrayList<>();
    for (AuditEvent event : page) {
      out.add(eventNode(event));
    }
    StructNode.Builder output = StructNode.builder().put("Events", new ListNode(out));
    if (more) {
      AuditEvent last = page.get(page.size() - 1);
      output.put("NextToken", PageToken.encode("LookupEvents", last.time() + "/" + last.eventId()));
    }
    return OperationResult.output(output.build());
  }

  static StructNode eventNode(AuditEvent event) {
    List<Node> resources = new ArrayList<>();
    for (String arn : event.resources()) {
      resources.add(
          StructNode.builder()
              .put("ResourceType", CloudTrailEvents.resourceType(arn))
              .put("ResourceName", arn)
              .build());
    }
    return StructNode.builder()
        .put("EventId", event.eventId())
        .put("EventName", event.eventName())
        .put("ReadOnly", Boolean.toString(event.readOnly()))
        .put("AccessKeyId", event.accessKeyId())
        .put("EventTime", event.time())
        .put("EventSource", event.eventSource())
        .put("Username", event.userName())
        .put("Resources", new ListNode(resources))
        .put("CloudTrailEvent", CloudTrailEvents.toJson(event))
        .build();
  }

  private static AwsServiceException invalidToken() {
    return new AwsServiceException(CloudTrailErrorCode.INVALID_NEXT_TOKEN, "Invalid NextToken.");
  }
}
