package dev.onair.monitoring.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Renders audit events as CloudTrail's event record JSON (the CloudTrailEvent member of LookupEvents). */
public final class CloudTrailEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudTrailEvents() {}

  public static String toJson(AuditEvent event) {
    ObjectNode root = JSON.createObjectNode();
    root.put("eventVersion", "1.09");
    ObjectNode identity = root.putObject("userIdentity");
    identity.put("type", event.principalType());
    identity.put("principalId", event.principalId());
    identity.put("arn", event.principalArn());
    identity.put("accountId", event.accountId());
    if (event.accessKeyId() != null) {
      identity.put("accessKeyId", event.accessKeyId());
    }
    if ("IAMUser".equals(event.principalType())) {
      identity.put("userName", event.userName());
    }
    root.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(event.time().truncatedTo(ChronoUnit.SECONDS)));
    root.put("eventSource", event.eventSource());
    root.put("eventName", event.eventName());
    root.put("awsRegion", event.region());
    root.put("sourceIPAddress", event.sourceIp());
    root.put("userAgent", event.userAgent());
    if (event.errorCode() != null) {
      root.put("errorCode", event.errorCode());
      root.put("errorMessage", event.errorMessage());
    }
    root.putNull("requestParameters");
    root.putNull("responseElements");
    root.put("requestID", event.requestId());
    root.put("eventID", event.eventId());
    root.put("readOnly", event.readOnly());
    if (!event.resources().isEmpty()) {
      ArrayNode resources = root.putArray("resources");
      for (String arn : event.resources()) {
        resources.addObject().put("accountId", event.accountId()).put("type", resourceType(arn)).put("ARN", arn);
      }
    }
    root.put("eventType", "AwsApiCall");
    root.put("managementEvent", true);
    root.put("recipientAccountId", event.accountId());
    root.put("eventCategory", "Management");
    return root.toString();
  }

  /** {@code arn:aws:ivs:r:a:channel/abc} → {@code AWS::IVS::Channel}; CloudFormation-style, as CloudTrail shows. */
  public static String resourceType(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return "AWS::Unknown";
    }
    String service = parts[2].toUpperCase(Locale.ROOT);
    String resource = parts[5];
    int end = indexOfAny(resource, '/', ':');
    String type = end < 0 ? resource : resource.substring(0, end);
    return "AWS::" + service + "::" + pascal(type);
  }

  /** The part of an ARN after the resource type: {@code channel/abc} → {@code abc}. */
  public static String resourceName(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return arn;
    }
    String resource = parts[5];
    int end = indexOfAny(resource, '/', ':');
    return end < 0 ? resource : resource.substring(end + 1);
  }

  private static int indexOfAny(String text, char a, char b) {
    int first = text.indexOf(a);
    int second = text.indexOf(b);
    if (first < 0) {
      return second;
    }
    return second < 0 ? first : Math.min(first, second);
  }

  private static String pascal(String kebab) {
    StringBuilder out = new StringBuilder();
    for (String word : kebab.split("-")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }
}
