package dev.onair.ivs.port;

import java.util.Collection;
import java.util.Map;

/**
 * Tags of every IVS resource, keyed by resource ARN. Kept apart from the resources because TagResource,
 * UntagResource and the aws:ResourceTag condition key treat all resource types alike.
 */
public interface TagRepository {
  /** The resource's tags in key order; empty when it has none. */
  Map<String, String> tags(String resourceArn);

  /** Tags of many resources at once (list operations), keyed by ARN; resources without tags may be absent. */
  Map<String, Map<String, String>> tags(Collection<String> resourceArns);

  /** Adds the tags, overwriting values of keys that exist. */
  void put(String resourceArn, Map<String, String> tags);

  void remove(String resourceArn, Collection<String> keys);

  void deleteAll(String resourceArn);
}
