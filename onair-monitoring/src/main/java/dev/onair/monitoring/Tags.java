package dev.onair.monitoring;

import java.util.List;
import java.util.Map;

/**
 * Tags of the resources this module owns (CloudWatch alarms, Service Quotas quotas), keyed by ARN. One port for
 * both services because the storage is identical.
 */
public interface Tags {
  Map<String, String> get(String resourceArn);

  void put(String resourceArn, Map<String, String> tags);

  void remove(String resourceArn, List<String> keys);

  void removeAll(String resourceArn);
}
