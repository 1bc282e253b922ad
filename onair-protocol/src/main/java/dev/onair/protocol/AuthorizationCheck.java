package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One question for the policy engine: may the caller perform this action on this resource, given these
 * operation-specific condition keys (aws:RequestTag/k, aws:TagKeys, aws:ResourceTag/k, iam:PolicyARN ...)? The
 * front door adds the global keys (aws:SourceIp, aws:CurrentTime, principal keys) itself.
 */
public record AuthorizationCheck(
    String action, String resourceArn, Map<String, List<String>> conditionKeys, String resourcePolicy) {
  public AuthorizationCheck {
    requireNonNull(action, "action is null");
    requireNonNull(resourceArn, "resourceArn is null");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    conditionKeys.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    conditionKeys = java.util.Collections.unmodifiableMap(copy);
  }

  public AuthorizationCheck(String action, String resourceArn, Map<String, List<String>> conditionKeys) {
    this(action, resourceArn, conditionKeys, null);
  }

  /**
   * The resource-based policy (JSON) that also governs the resource, e.g. an S3 bucket policy; null when the
   * resource type has none.
   */
  public AuthorizationCheck withResourcePolicy(String policyJson) {
    return new AuthorizationCheck(action, resourceArn, conditionKeys, policyJson);
  }

  public static AuthorizationCheck of(String action, String resourceArn) {
    return new AuthorizationCheck(action, resourceArn, Map.of());
  }

  public AuthorizationCheck withKey(String key, String value) {
    return withKey(key, List.of(value));
  }

  public AuthorizationCheck withKey(String key, List<String> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>(conditionKeys);
    copy.put(key, values);
    return new AuthorizationCheck(action, resourceArn, copy, resourcePolicy);
  }

  /** Adds aws:RequestTag/k for each tag and aws:TagKeys, as every tagging-aware AWS action does. */
  public AuthorizationCheck withRequestTags(Map<String, String> tags) {
    if (tags == null || tags.isEmpty()) {
      return this;
    }
    Map<String, List<String>> copy = new LinkedHashMap<>(conditionKeys);
    tags.forEach((key, value) -> copy.put("aws:RequestTag/" + key, List.of(value)));
    copy.put("aws:TagKeys", List.copyOf(tags.keySet()));
    return new AuthorizationCheck(action, resourceArn, copy, resourcePolicy);
  }

  /** Adds aws:ResourceTag/k for each tag the resource carries. */
  public AuthorizationCheck withResourceTags(Map<String, String> tags) {
    if (tags == null || tags.isEmpty()) {
      return this;
    }
    Map<String, List<String>> copy = new LinkedHashMap<>(conditionKeys);
    tags.forEach((key, value) -> copy.put("aws:ResourceTag/" + key, List.of(value)));
    return new AuthorizationCheck(action, resourceArn, copy, resourcePolicy);
  }
}
