package dev.onair.iam.store;

import dev.onair.iam.model.Group;
import dev.onair.iam.model.User;
import java.util.List;
import java.util.Optional;

public interface GroupRepository {
  Group create(Group group);

  Optional<Group> find(String accountId, String name);

  Optional<Group> findById(String groupId);

  List<Group> list(String accountId);

  void update(String groupId, String newName, String newPath);

  /** @throws dev.onair.protocol.error.AwsServiceException DeleteConflict while members or policies remain */
  void delete(String groupId);

  /** Idempotent. @throws LimitExceeded past 10 groups per user */
  void addMember(String groupId, String userId);

  /** @return false when the user was not a member */
  boolean removeMember(String groupId, String userId);

  List<User> members(String groupId);

  List<Group> groupsForUser(String userId);
}
