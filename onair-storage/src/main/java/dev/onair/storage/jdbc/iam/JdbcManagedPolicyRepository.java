package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrorCode;
import dev.onair.iam.IamErrors;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.ManagedPolicy;
import dev.onair.iam.model.PolicyVersion;
import dev.onair.iam.store.ManagedPolicyRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Customer managed policies. Version numbers come from next_version, so a deleted vN is never reused. */
final class JdbcManagedPolicyRepository implements ManagedPolicyRepository {
  static final int MAX_VERSIONS = 5;
  private static final String COLUMNS =
      "p.policy_id, p.name, p.path, p.arn, p.description, p.default_version, p.created_at, p.updated_at,"
          + " (select count(*) from iam_attachment a where a.policy_arn = p.arn) as attachments,"
          + " (select count(*) from iam_user u where u.boundary_arn = p.arn)"
          + " + (select count(*) from iam_role r where r.boundary_arn = p.arn) as boundary_uses";

  private final Jdbc jdbc;

  JdbcManagedPolicyRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  private static ManagedPolicy map(Row row) throws SQLException {
    return new ManagedPolicy(
        row.string("policy_id"),
        row.string("name"),
        row.string("path"),
        row.string("arn"),
        row.string("description"),
        PolicyVersion.id(row.integer("default_version")),
        row.longValue("attachments").intValue(),
        row.longValue("boundary_uses").intValue(),
        true,
        row.instant("created_at"),
        row.instant("updated_at"),
        false,
        List.of());
  }

  @Override
  public ManagedPolicy create(String accountId, ManagedPolicy policy, String document) {
    return jdbc.transaction(tx -> IamSql.unique(() -> {
      tx.update(
          "insert into iam_policy (policy_id, account_id, name, name_key, path, arn, description, default_version,"
              + " next_version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, 2, ?, ?)",
          policy.policyId(), accountId, policy.name(), IamSql.nameKey(policy.name()), policy.path(), policy.arn(),
          policy.description(), policy.createDate(), policy.updateDate());
      tx.update(
          "insert into iam_policy_version (policy_id, version_number, document, created_at) values (?, 1, ?, ?)",
          policy.policyId(), document, policy.createDate());
      IamSql.insertTags(tx, EntityType.POLICY, policy.policyId(), policy.tags());
      return policy;
    }, () -> IamErrors.policyExists(policy.name())));
  }

  @Override
  public Optional<ManagedPolicy> findByArn(String arn) {
    return jdbc.read(tx -> find(tx, arn)
        .map(policy -> policy.withTags(IamSql.tags(tx, EntityType.POLICY, policy.policyId()))));
  }

  private static Optional<ManagedPolicy> find(Tx tx, String arn) {
    return tx.queryOne(
        "select " + COLUMNS + " from iam_policy p where p.arn = ?", JdbcManagedPolicyRepository::map, arn);
  }

  @Override
  public List<ManagedPolicy> list(String accountId) {
    return jdbc.query(
        "select " + COLUMNS + " from iam_policy p where p.account_id = ? order by p.name_key",
        JdbcManagedPolicyRepository::map, accountId);
  }

  @Override
  public void delete(String arn) {
    jdbc.transactionVoid(tx -> {
      ManagedPolicy policy = lockPolicy(tx, arn);
      if (policy.attachmentCount() > 0) {
        throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
      }
      if (policy.permissionsBoundaryUsageCount() > 0) {
        throw IamErrors.deleteConflict("Cannot delete a policy used as a permissions boundary.");
      }
      if (tx.count("select count(*) from iam_policy_version where policy_id = ?", policy.policyId()) > 1) {
        throw IamErrors.deleteConflict(
            "This policy has more than one version. Before you delete a policy, you must delete the policy's"
                + " versions. The default version is deleted with the policy.");
      }
      tx.update("delete from iam_policy_version where policy_id = ?", policy.policyId());
      IamSql.deleteTags(tx, EntityType.POLICY, policy.policyId());
      tx.update("delete from iam_policy where policy_id = ?", policy.policyId());
      IamSql.bumpGeneration(tx);
    });
  }

  private static ManagedPolicy lockPolicy(Tx tx, String arn) {
    ManagedPolicy policy = find(tx, arn).orElseThrow(() -> IamErrors.noSuchPolicy(arn));
    IamSql.lock(tx, "iam_policy", "policy_id", policy.policyId());
    return find(tx, arn).orElseThrow(() -> IamErrors.noSuchPolicy(arn));
  }

  @Override
  public List<PolicyVersion> versions(String arn) {
    return jdbc.query(
        "select v.version_number, v.document, v.created_at, p.default_version from iam_policy_version v"
            + " join iam_policy p on p.policy_id = v.policy_id where p.arn = ? order by v.version_number desc",
        JdbcManagedPolicyRepository::mapVersion, arn);
  }

  private static PolicyVersion mapVersion(Row row) throws SQLException {
    int number = row.integer("version_number");
    return new PolicyVersion(
        PolicyVersion.id(number), row.string("document"), number == row.integer("default_version"),
        row.instant("created_at"));
  }

  @Override
  public Optional<PolicyVersion> version(String arn, String versionId) {
    int number = PolicyVersion.number(versionId);
    return jdbc.queryOne(
        "select v.version_number, v.document, v.created_at, p.default_version from iam_policy_version v"
            + " join iam_policy p on p.policy_id = v.policy_id where p.arn = ? and v.version_number = ?",
        JdbcManagedPolicyRepository::mapVersion, arn, number);
  }

  @Override
  public Optional<String> defaultDocument(String arn) {
    return jdbc.queryOne(
        "select v.document from iam_policy_version v join iam_policy p on p.policy_id = v.policy_id"
            + " and v.version_number = p.default_version where p.arn = ?",
        row -> row.string("document"), arn);
  }

  @Override
  public PolicyVersion createVersion(String arn, String document, boolean setAsDefault, Instant now) {
    return jdbc.transaction(tx -> {
      ManagedPolicy policy = lockPolicy(tx, arn);
      if (tx.count("select count(*) from iam_policy_version where policy_id = ?", policy.policyId())
          >= MAX_VERSIONS) {
        throw IamErrors.of(IamErrorCode.LimitExceeded,
            "A managed policy can have up to " + MAX_VERSIONS + " versions. Before you create a new version, you"
                + " must delete an existing version.");
      }
      int number = tx.queryOne("select next_version from iam_policy where policy_id = ?",
          row -> row.integer("next_version"), policy.policyId()).orElseThrow();
      tx.update("insert into iam_policy_version (policy_id, version_number, document, created_at) values (?, ?, ?, ?)",
          policy.policyId(), number, document, now);
      tx.update("update iam_policy set next_version = ?, updated_at = ? where policy_id = ?",
          number + 1, now, policy.policyId());
      if (setAsDefault) {
        tx.update("update iam_policy set default_version = ? where policy_id = ?", number, policy.policyId());
        IamSql.bumpGeneration(tx);
      }
      return new PolicyVersion(PolicyVersion.id(number), document, setAsDefault, now);
    });
  }

  @Override
  public void setDefaultVersion(String arn, String versionId, Instant now) {
    jdbc.transactionVoid(tx -> {
      ManagedPolicy policy = lockPolicy(tx, arn);
      int number = PolicyVersion.number(versionId);
      if (!tx.exists("select version_number from iam_policy_version where policy_id = ? and version_number = ?",
          policy.policyId(), number)) {
        throw IamErrors.noSuchPolicyVersion(arn, versionId);
      }
      tx.update("update iam_policy set default_version = ?, updated_at = ? where policy_id = ?",
          number, now, policy.policyId());
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public void deleteVersion(String arn, String versionId) {
    jdbc.transactionVoid(tx -> {
      ManagedPolicy policy = lockPolicy(tx, arn);
      int number = PolicyVersion.number(versionId);
      if (policy.defaultVersionId().equals(versionId)) {
        throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
      }
      int deleted = tx.update("delete from iam_policy_version where policy_id = ? and version_number = ?",
          policy.policyId(), number);
      if (deleted == 0) {
        throw IamErrors.noSuchPolicyVersion(arn, versionId);
      }
    });
  }
}
