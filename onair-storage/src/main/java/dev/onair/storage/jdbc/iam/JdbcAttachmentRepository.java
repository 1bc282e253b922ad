package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrors;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.store.AttachmentRepository;
import dev.onair.storage.Jdbc;
import java.time.Instant;
import java.util.List;

final class JdbcAttachmentRepository implements AttachmentRepository {
  private final Jdbc jdbc;

  JdbcAttachmentRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void attach(EntityType ownerType, String ownerId, String policyArn) {
    jdbc.transactionVoid(tx -> {
      // Locking the owner serialises attaches to one entity, so the count below cannot race past the quota.
      switch (ownerType) {
        case USER -> IamSql.lock(tx, "iam_user", "user_id", ownerId);
        case GROUP -> IamSql.lock(tx, "iam_group", "group_id", ownerId);
        case ROLE -> IamSql.lock(tx, "iam_role", "role_id", ownerId);
        case POLICY -> throw new IllegalArgumentException("policies are not attached to policies");
      }
      if (tx.exists("select policy_arn from iam_attachment where owner_type = ? and owner_id = ? and policy_arn = ?",
          ownerType.name(), ownerId, policyArn)) {
        return;
      }
      if (tx.count("select count(*) from iam_attachment where owner_type = ? and owner_id = ?",
          ownerType.name(), ownerId) >= MAX_PER_ENTITY) {
        throw IamErrors.quota(quotaName(ownerType), MAX_PER_ENTITY);
      }
      tx.update("insert into iam_attachment (owner_type, owner_id, policy_arn, attached_at) values (?, ?, ?, ?)",
          ownerType.name(), ownerId, policyArn, Instant.now());
      IamSql.bumpGeneration(tx);
    });
  }

  private static String quotaName(EntityType type) {
    return switch (type) {
      case USER -> "PoliciesPerUser";
      case GROUP -> "PoliciesPerGroup";
      case ROLE -> "PoliciesPerRole";
      case POLICY -> "PoliciesPerPolicy";
    };
  }

  @Override
  public boolean detach(EntityType ownerType, String ownerId, String policyArn) {
    return jdbc.transaction(tx -> {
      int removed = tx.update(
          "delete from iam_attachment where owner_type = ? and owner_id = ? and policy_arn = ?",
          ownerType.name(), ownerId, policyArn);
      IamSql.bumpGeneration(tx);
      return removed > 0;
    });
  }

  @Override
  public List<String> attached(EntityType ownerType, String ownerId) {
    return jdbc.query(
        "select policy_arn from iam_attachment where owner_type = ? and owner_id = ? order by attached_at, policy_arn",
        row -> row.string("policy_arn"), ownerType.name(), ownerId);
  }

  @Override
  public List<Attachment> attachmentsOf(String policyArn) {
    return jdbc.query(
        "select owner_type, owner_id, policy_arn from iam_attachment where policy_arn = ?",
        row -> new Attachment(
            EntityType.valueOf(row.string("owner_type")), row.string("owner_id"), row.string("policy_arn")),
        policyArn);
  }

  @Override
  public int attachmentCount(String policyArn) {
    return jdbc.transaction(tx -> (int) tx.count(
        "select count(*) from iam_attachment where policy_arn = ?", policyArn));
  }

  @Override
  public int boundaryUsageCount(String policyArn) {
    return jdbc.transaction(tx -> (int) (tx.count("select count(*) from iam_user where boundary_arn = ?", policyArn)
        + tx.count("select count(*) from iam_role where boundary_arn = ?", policyArn)));
  }

  @Override
  public List<String> attachedArns() {
    return jdbc.query(
        "select distinct policy_arn from iam_attachment union select boundary_arn from iam_user where boundary_arn"
            + " is not null union select boundary_arn from iam_role where boundary_arn is not null",
        row -> row.string("policy_arn"));
  }
}
