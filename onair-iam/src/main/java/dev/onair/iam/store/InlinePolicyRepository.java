package dev.onair.iam.store;

import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.InlinePolicy;
import java.util.List;
import java.util.Optional;

public interface InlinePolicyRepository {
  /**
   * Creates or replaces a policy, checking in the same transaction that the entity's inline documents together
   * stay within {@code aggregateLimit} non-whitespace characters.
   *
   * @param limitMessage the LimitExceeded message when they would not
   */
  void put(InlinePolicy policy, int aggregateLimit, String limitMessage);

  Optional<InlinePolicy> find(EntityType ownerType, String ownerId, String name);

  /** @return false when there was none */
  boolean delete(EntityType ownerType, String ownerId, String name);

  /** Sorted by name. */
  List<InlinePolicy> list(EntityType ownerType, String ownerId);
}
