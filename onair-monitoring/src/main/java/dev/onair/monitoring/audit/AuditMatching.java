package dev.onair.monitoring.audit;

/** LookupAttributes semantics shared by every AuditLog implementation that filters in Java. */
public final class AuditMatching {
  private AuditMatching() {}

  public static boolean matches(AuditEvent event, String key, String value) {
    if (key == null) {
      return true;
    }
    switch (key) {
      case "EventId":
        return value.equals(event.eventId());
      case "EventName":
        return value.equals(event.eventName());
      case "ReadOnly":
        return value.equalsIgnoreCase(Boolean.toString(event.readOnly()));
      case "Username":
        return value.equals(event.userName());
      case "AccessKeyId":
        return value.equals(event.accessKeyId());
      case "EventSource":
        return value.equals(event.eventSource());
      case "ResourceName":
        for (String arn : event.resources()) {
          if (arn.equals(value) || CloudTrailEvents.resourceName(arn).equals(value)) {
            return true;
          }
        }
        return false;
      case "ResourceType":
        for (String arn : event.resources()) {
          if (CloudTrailEvents.resourceType(arn).equals(value)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }
}
