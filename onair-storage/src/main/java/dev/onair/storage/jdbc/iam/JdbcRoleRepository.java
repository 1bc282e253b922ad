package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrors;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Role;
import dev.onair.iam.store.RoleRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcRoleRepository implements RoleRepository {
  private static final String COLUMNS =
      "role_id, account_id, name, path, created_at, trust_policy, description, max_session_duration, boundary_arn,"
          + " service_linked, last_used_at, last_used_region";

  private final Jdbc jdbc;

  JdbcRoleRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  private static Role map(Row row) throws SQLException {
    return new Role(
        row.string("role_id"),
        row.string("account_id"),
        row.string("name"),
        row.string("path"),
        row.instant("created_at"),
        row.string("trust_policy"),
        row.string("description"),
        row.integer("max_session_duration"),
        row.string("boundary_arn"),
        row.bool("service_linked"),
        row.instant("last_used_at"),
        row.string("last_used_region"),
        List.of());
  }

  @Override
  public Role create(Role role) {
    return jdbc.transaction(tx -> IamSql.unique(() -> {
      tx.update(
          "insert into iam_role (role_id, account_id, name, name_key, path, created_at, trust_policy, description,"
              + " max_session_duration, boundary_arn, service_linked) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          role.roleId(), role.accountId(), role.name(), IamSql.nameKey(role.name()), role.path(),
          role.createDate(), role.trustPolicy(), role.description(), role.maxSessionDuration(),
          role.permissionsBoundaryArn(), role.serviceLinked());
      IamSql.insertTags(tx, EntityType.ROLE, role.roleId(), role.tags());
      return role;
    }, () -> IamErrors.roleExists(role.name())));
  }

  @Override
  public Optional<Role> find(String accountId, String name) {
    return jdbc.read(tx -> withTags(tx, tx.queryOne(
        "select " + COLUMNS + " from iam_role where account_id = ? and name_key = ?",
        JdbcRoleRepository::map, accountId, IamSql.nameKey(name))));
  }

  @Override
  public Optional<Role> findById(String roleId) {
    return jdbc.read(tx -> withTags(tx, tx.queryOne(
        "select " + COLUMNS + " from iam_role where role_id = ?", JdbcRoleRepository::map, roleId)));
  }

  private static Optional<Role> withTags(Tx tx, Optional<Role> role) {
    return role.map(found -> found.withTags(IamSql.tags(tx, EntityType.ROLE, found.roleId())));
  }

  @Override
  public List<Role> list(String accountId) {
    return jdbc.query(
        "select " + COLUMNS + " from iam_role where account_id = ? order by name_key",
        JdbcRoleRepository::map, accountId);
  }

  @Override
  public void update(String roleId, String description, Integer maxSessionDuration) {
    jdbc.transactionVoid(tx -> {
      if (description != null) {
        tx.update("update iam_role set description = ? where role_id = ?", description, roleId);
      }
      if (maxSessionDuration != null) {
        tx.update("update iam_role set max_session_duration = ? where role_id = ?", maxSessionDuration, roleId);
      }
    });
  }

  @Override
  public void updateTrustPolicy(String roleId, String document) {
    jdbc.transactionVoid(tx -> {
      tx.update("update iam_role set trust_policy = ? where role_id = ?", document, roleId);
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public void delete(String roleId) {
    jdbc.transactionVoid(tx -> {
      if (!IamSql.lock(tx, "iam_role", "role_id", roleId)) {
        return;
      }
      boolean serviceLinked = tx.queryOne(
          "select service_linked from iam_role where role_id = ?", row -> row.bool("service_linked"), roleId)
          .orElse(false);
      if (!serviceLinked) {
        if (tx.exists("select name from iam_inline_policy where owner_type = 'ROLE' and owner_id = ?", roleId)) {
          throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (tx.exists("select policy_arn from iam_attachment where owner_type = 'ROLE' and owner_id = ?", roleId)) {
          throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
      }
      // A service-linked role's policies belong to the service and go with it.
      tx.update("delete from iam_inline_policy where owner_type = 'ROLE' and owner_id = ?", roleId);
      tx.update("delete from iam_attachment where owner_type = 'ROLE' and owner_id = ?", roleId);
      IamSql.deleteTags(tx, EntityType.ROLE, roleId);
      tx.update("delete from iam_role where role_id = ?", roleId);
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public void setPermissionsBoundary(String roleId, String policyArn) {
    jdbc.transactionVoid(tx -> {
      tx.update("update iam_role set boundary_arn = ? where role_id = ?", policyArn, roleId);
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public void recordUse(String roleId, Instant when, String region) {
    jdbc.update(
        "update iam_role set last_used_at = ?, last_used_region = ? where role_id = ?", when, region, roleId);
  }

  @Override
  public void recordDeletionTask(String accountId, String taskId, String status, Instant when) {
    jdbc.update(
        "insert into iam_slr_deletion (task_id, account_id, status, created_at) values (?, ?, ?, ?)",
        taskId, accountId, status, when);
  }

  @Override
  public Optional<String> deletionTaskStatus(String accountId, String taskId) {
    return jdbc.queryOne(
        "select status from iam_slr_deletion where account_id = ? and task_id = ?",
        row -> row.string("status"), accountId, taskId);
  }
}
