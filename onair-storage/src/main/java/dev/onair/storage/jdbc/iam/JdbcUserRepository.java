package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrors;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.store.UserRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcUserRepository implements UserRepository {
  private static final String COLUMNS =
      "user_id, account_id, name, path, created_at, boundary_arn, password_last_used";

  private final Jdbc jdbc;

  JdbcUserRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  private static User map(Row row) throws SQLException {
    return new User(
        row.string("user_id"),
        row.string("account_id"),
        row.string("name"),
        row.string("path"),
        row.instant("created_at"),
        row.string("boundary_arn"),
        row.instant("password_last_used"),
        List.of());
  }

  @Override
  public User create(User user) {
    return jdbc.transaction(tx -> IamSql.unique(() -> {
      tx.update(
          "insert into iam_user (user_id, account_id, name, name_key, path, created_at, boundary_arn)"
              + " values (?, ?, ?, ?, ?, ?, ?)",
          user.userId(), user.accountId(), user.name(), IamSql.nameKey(user.name()), user.path(),
          user.createDate(), user.permissionsBoundaryArn());
      IamSql.insertTags(tx, EntityType.USER, user.userId(), user.tags());
      if (user.permissionsBoundaryArn() != null) {
        IamSql.bumpGeneration(tx);
      }
      return user;
    }, () -> IamErrors.userExists(user.name())));
  }

  @Override
  public Optional<User> find(String accountId, String name) {
    return jdbc.read(tx -> withTags(tx, tx.queryOne(
        "select " + COLUMNS + " from iam_user where account_id = ? and name_key = ?",
        JdbcUserRepository::map, accountId, IamSql.nameKey(name))));
  }

  @Override
  public Optional<User> findById(String userId) {
    return jdbc.read(tx -> withTags(tx, tx.queryOne(
        "select " + COLUMNS + " from iam_user where user_id = ?", JdbcUserRepository::map, userId)));
  }

  private static Optional<User> withTags(Tx tx, Optional<User> user) {
    return user.map(found -> found.withTags(IamSql.tags(tx, EntityType.USER, found.userId())));
  }

  @Override
  public List<User> list(String accountId) {
    return jdbc.query(
        "select " + COLUMNS + " from iam_user where account_id = ? order by name_key",
        JdbcUserRepository::map, accountId);
  }

  @Override
  public void update(String userId, String newName, String newPath) {
    jdbc.transactionVoid(tx -> IamSql.unique(() -> {
      if (newName != null) {
        tx.update("update iam_user set name = ?, name_key = ? where user_id = ?",
            newName, IamSql.nameKey(newName), userId);
      }
      if (newPath != null) {
        tx.update("update iam_user set path = ? where user_id = ?", newPath, userId);
      }
      IamSql.bumpGeneration(tx);
      return null;
    }, () -> IamErrors.userExists(newName)));
  }

  @Override
  public void delete(String userId) {
    jdbc.transactionVoid(tx -> {
      if (!IamSql.lock(tx, "iam_user", "user_id", userId)) {
        return;
      }
      if (tx.exists("select user_id from iam_login_profile where user_id = ?", userId)) {
        throw IamErrors.deleteConflict("Cannot delete entity, must delete login profile first.");
      }
      if (tx.exists("select access_key_id from iam_access_key where user_id = ?", userId)) {
        throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
      }
      if (tx.exists("select name from iam_inline_policy where owner_type = 'USER' and owner_id = ?", userId)) {
        throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
      }
      if (tx.exists("select policy_arn from iam_attachment where owner_type = 'USER' and owner_id = ?", userId)) {
        throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
      }
      if (tx.exists("select group_id from iam_group_member where user_id = ?", userId)) {
        throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
      }
      IamSql.deleteTags(tx, EntityType.USER, userId);
      tx.update("delete from iam_user where user_id = ?", userId);
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public void setPermissionsBoundary(String userId, String policyArn) {
    jdbc.transactionVoid(tx -> {
      tx.update("update iam_user set boundary_arn = ? where user_id = ?", policyArn, userId);
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public void recordPasswordUse(String userId, Instant when) {
    jdbc.update("update iam_user set password_last_used = ? where user_id = ?", when, userId);
  }

  @Override
  public List<Tag> tags(String userId) {
    return jdbc.read(tx -> IamSql.tags(tx, EntityType.USER, userId));
  }
}
