package dev.onair.iam.store;

import dev.onair.iam.model.EntityType;
import java.util.List;

/** Managed policies attached to users, groups and roles (customer and AWS managed alike, by ARN). */
public interface AttachmentRepository {
  int MAX_PER_ENTITY = 10;

  /** An entity a policy is attached to. */
  record Attachment(EntityType ownerType, String ownerId, String policyArn) {}

  /** Idempotent. @throws LimitExceeded past {@link #MAX_PER_ENTITY} policies on the entity */
  void attach(EntityType ownerType, String ownerId, String policyArn);

  /** @return false when it was not attached */
  boolean detach(EntityType ownerType, String ownerId, String policyArn);

  /** ARNs attached to the entity, in attachment order. */
  List<String> attached(EntityType ownerType, String ownerId);

  List<Attachment> attachmentsOf(String policyArn);

  int attachmentCount(String policyArn);

  /** How many users and roles use the policy as their permissions boundary. */
  int boundaryUsageCount(String policyArn);

  /** ARNs with at least one attachment or boundary use, for ListPolicies OnlyAttached. */
  List<String> attachedArns();
}
