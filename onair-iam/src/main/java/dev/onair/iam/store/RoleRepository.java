package dev.onair.iam.store;

import dev.onair.iam.model.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface RoleRepository {
  Role create(Role role);

  Optional<Role> find(String accountId, String name);

  Optional<Role> findById(String roleId);

  List<Role> list(String accountId);

  /** Null arguments leave the field unchanged. */
  void update(String roleId, String description, Integer maxSessionDuration);

  void updateTrustPolicy(String roleId, String document);

  /** @throws dev.onair.protocol.error.AwsServiceException DeleteConflict while policies remain */
  void delete(String roleId);

  void setPermissionsBoundary(String roleId, String policyArn);

  void recordUse(String roleId, Instant when, String region);

  /** Records a service-linked role deletion task (they complete immediately here). */
  void recordDeletionTask(String accountId, String taskId, String status, Instant when);

  /** The status of a deletion task, or empty. */
  Optional<String> deletionTaskStatus(String accountId, String taskId);
}
