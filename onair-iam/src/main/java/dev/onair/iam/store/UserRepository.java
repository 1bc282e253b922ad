package dev.onair.iam.store;

import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface UserRepository {
  /** @throws dev.onair.protocol.error.AwsServiceException EntityAlreadyExists for a name taken in any case */
  User create(User user);

  /** Looks a user up by name, case-insensitively, with tags. */
  Optional<User> find(String accountId, String name);

  Optional<User> findById(String userId);

  /** All users sorted by lower-cased name; without tags, as ListUsers returns them. */
  List<User> list(String accountId);

  /** Renames and/or moves a user; null leaves that part unchanged. */
  void update(String userId, String newName, String newPath);

  /**
   * Deletes the user after checking, in the same transaction, that nothing still hangs off it.
   *
   * @throws dev.onair.protocol.error.AwsServiceException DeleteConflict naming what is left
   */
  void delete(String userId);

  void setPermissionsBoundary(String userId, String policyArn);

  void recordPasswordUse(String userId, Instant when);

  List<Tag> tags(String userId);
}
