package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrorCode;
import dev.onair.iam.IamErrors;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.InlinePolicy;
import dev.onair.iam.store.InlinePolicyRepository;
import dev.onair.policy.PolicySizeLimits;
import dev.onair.storage.Jdbc;
import java.util.List;
import java.util.Optional;

final class JdbcInlinePolicyRepository implements InlinePolicyRepository {
  private final Jdbc jdbc;

  JdbcInlinePolicyRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(InlinePolicy policy, int aggregateLimit, String limitMessage) {
    jdbc.transactionVoid(tx -> {
      String type = policy.ownerType().name();
      switch (policy.ownerType()) {
        case USER -> IamSql.lock(tx, "iam_user", "user_id", policy.ownerId());
        case GROUP -> IamSql.lock(tx, "iam_group", "group_id", policy.ownerId());
        case ROLE -> IamSql.lock(tx, "iam_role", "role_id", policy.ownerId());
        case POLICY -> throw new IllegalArgumentException("policies have no inline policies");
      }
      List<String> others = tx.query(
          "select document from iam_inline_policy where owner_type = ? and owner_id = ? and name <> ?",
          row -> row.string("document"), type, policy.ownerId(), policy.name());
      int total = PolicySizeLimits.countedSize(policy.document());
      for (String other : others) {
        total += PolicySizeLimits.countedSize(other);
      }
      if (total > aggregateLimit) {
        throw IamErrors.of(IamErrorCode.LimitExceeded, limitMessage);
      }
      int updated = tx.update(
          "update iam_inline_policy set document = ? where owner_type = ? and owner_id = ? and name = ?",
          policy.document(), type, policy.ownerId(), policy.name());
      if (updated == 0) {
        tx.update("insert into iam_inline_policy (owner_type, owner_id, name, document) values (?, ?, ?, ?)",
            type, policy.ownerId(), policy.name(), policy.document());
      }
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public Optional<InlinePolicy> find(EntityType ownerType, String ownerId, String name) {
    return jdbc.queryOne(
        "select name, document from iam_inline_policy where owner_type = ? and owner_id = ? and name = ?",
        row -> new InlinePolicy(ownerType, ownerId, row.string("name"), row.string("document")),
        ownerType.name(), ownerId, name);
  }

  @Override
  public boolean delete(EntityType ownerType, String ownerId, String name) {
    return jdbc.transaction(tx -> {
      int deleted = tx.update(
          "delete from iam_inline_policy where owner_type = ? and owner_id = ? and name = ?",
          ownerType.name(), ownerId, name);
      IamSql.bumpGeneration(tx);
      return deleted > 0;
    });
  }

  @Override
  public List<InlinePolicy> list(EntityType ownerType, String ownerId) {
    return jdbc.query(
        "select name, document from iam_inline_policy where owner_type = ? and owner_id = ? order by name",
        row -> new InlinePolicy(ownerType, ownerId, row.string("name"), row.string("document")),
        ownerType.name(), ownerId);
  }
}
