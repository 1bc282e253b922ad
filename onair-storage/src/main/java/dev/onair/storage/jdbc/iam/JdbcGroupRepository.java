package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrors;
import dev.onair.iam.model.Group;
import dev.onair.iam.model.User;
import dev.onair.iam.store.GroupRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcGroupRepository implements GroupRepository {
  static final int MAX_GROUPS_PER_USER = 10;
  private static final String COLUMNS = "g.group_id, g.account_id, g.name, g.path, g.created_at";

  private final Jdbc jdbc;

  JdbcGroupRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  private static Group map(Row row) throws SQLException {
    return new Group(
        row.string("group_id"), row.string("account_id"), row.string("name"), row.string("path"),
        row.instant("created_at"));
  }

  @Override
  public Group create(Group group) {
    return jdbc.transaction(tx -> IamSql.unique(() -> {
      tx.update(
          "insert into iam_group (group_id, account_id, name, name_key, path, created_at) values (?, ?, ?, ?, ?, ?)",
          group.groupId(), group.accountId(), group.name(), IamSql.nameKey(group.name()), group.path(),
          group.createDate());
      return group;
    }, () -> IamErrors.groupExists(group.name())));
  }

  @Override
  public Optional<Group> find(String accountId, String name) {
    return jdbc.queryOne(
        "select " + COLUMNS + " from iam_group g where g.account_id = ? and g.name_key = ?",
        JdbcGroupRepository::map, accountId, IamSql.nameKey(name));
  }

  @Override
  public Optional<Group> findById(String groupId) {
    return jdbc.queryOne(
        "select " + COLUMNS + " from iam_group g where g.group_id = ?", JdbcGroupRepository::map, groupId);
  }

  @Override
  public List<Group> list(String accountId) {
    return jdbc.query(
        "select " + COLUMNS + " from iam_group g where g.account_id = ? order by g.name_key",
        JdbcGroupRepository::map, accountId);
  }

  @Override
  public void update(String groupId, String newName, String newPath) {
    jdbc.transactionVoid(tx -> IamSql.unique(() -> {
      if (newName != null) {
        tx.update("update iam_group set name = ?, name_key = ? where group_id = ?",
            newName, IamSql.nameKey(newName), groupId);
      }
      if (newPath != null) {
        tx.update("update iam_group set path = ? where group_id = ?", newPath, groupId);
      }
      IamSql.bumpGeneration(tx);
      return null;
    }, () -> IamErrors.groupExists(newName)));
  }

  @Override
  public void delete(String groupId) {
    jdbc.transactionVoid(tx -> {
      if (!IamSql.lock(tx, "iam_group", "group_id", groupId)) {
        return;
      }
      if (tx.exists("select user_id from iam_group_member where group_id = ?", groupId)) {
        throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
      }
      if (tx.exists("select name from iam_inline_policy where owner_type = 'GROUP' and owner_id = ?", groupId)) {
        throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
      }
      if (tx.exists("select policy_arn from iam_attachment where owner_type = 'GROUP' and owner_id = ?", groupId)) {
        throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
      }
      tx.update("delete from iam_group where group_id = ?", groupId);
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public void addMember(String groupId, String userId) {
    jdbc.transactionVoid(tx -> {
      IamSql.lock(tx, "iam_user", "user_id", userId);
      if (tx.exists("select user_id from iam_group_member where group_id = ? and user_id = ?", groupId, userId)) {
        return;
      }
      if (tx.count("select count(*) from iam_group_member where user_id = ?", userId) >= MAX_GROUPS_PER_USER) {
        throw IamErrors.quota("GroupsPerUser", MAX_GROUPS_PER_USER);
      }
      tx.update("insert into iam_group_member (group_id, user_id, added_at) values (?, ?, ?)",
          groupId, userId, java.time.Instant.now());
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public boolean removeMember(String groupId, String userId) {
    return jdbc.transaction(tx -> {
      int removed = tx.update("delete from iam_group_member where group_id = ? and user_id = ?", groupId, userId);
      IamSql.bumpGeneration(tx);
      return removed > 0;
    });
  }

  @Override
  public List<User> members(String groupId) {
    return jdbc.query(
        "select u.user_id, u.account_id, u.name, u.path, u.created_at, u.boundary_arn, u.password_last_used"
            + " from iam_group_member m join iam_user u on u.user_id = m.user_id where m.group_id = ?"
            + " order by u.name_key",
        row -> new User(
            row.string("user_id"), row.string("account_id"), row.string("name"), row.string("path"),
            row.instant("created_at"), row.string("boundary_arn"), row.instant("password_last_used"), List.of()),
        groupId);
  }

  @Override
  public List<Group> groupsForUser(String userId) {
    return jdbc.query(
        "select " + COLUMNS + " from iam_group_member m join iam_group g on g.group_id = m.group_id"
            + " where m.user_id = ? order by g.name_key",
        JdbcGroupRepository::map, userId);
  }
}
