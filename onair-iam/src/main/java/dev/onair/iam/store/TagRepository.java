package dev.onair.iam.store;

import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Tag;
import java.util.List;

/** Tags on users, roles and policies. Keys are unique case-insensitively; a new value replaces the old. */
public interface TagRepository {
  int MAX_TAGS = 50;

  List<Tag> tags(EntityType type, String resourceId);

  /** Adds or replaces tags. @throws LimitExceeded when the resource would carry more than 50 */
  void tag(EntityType type, String resourceId, List<Tag> tags);

  void untag(EntityType type, String resourceId, List<String> keys);
}
