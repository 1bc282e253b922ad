package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrorCode;
import dev.onair.iam.IamErrors;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Tag;
import dev.onair.iam.store.TagRepository;
import dev.onair.storage.Jdbc;
import java.util.List;

final class JdbcTagRepository implements TagRepository {
  private final Jdbc jdbc;

  JdbcTagRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Tag> tags(EntityType type, String resourceId) {
    return jdbc.read(tx -> IamSql.tags(tx, type, resourceId));
  }

  @Override
  public void tag(EntityType type, String resourceId, List<Tag> tags) {
    jdbc.upsertTransaction(tx -> {
      for (Tag tag : tags) {
        int changed = tx.update(
            "update iam_tag set tag_key = ?, tag_value = ? where resource_type = ? and resource_id = ?"
                + " and key_lower = ?",
            tag.key(), tag.value(), type.name(), resourceId, IamSql.nameKey(tag.key()));
        if (changed == 0) {
          IamSql.insertTags(tx, type, resourceId, List.of(tag));
        }
      }
      long count = tx.count(
          "select count(*) from iam_tag where resource_type = ? and resource_id = ?", type.name(), resourceId);
      if (count > MAX_TAGS) {
        // Throwing rolls the whole request back, so a rejected TagUser changes nothing.
        throw IamErrors.of(IamErrorCode.LimitExceeded, "The number of tags has reached the maximum limit.");
      }
      // Tags feed aws:PrincipalTag and aws:ResourceTag decisions.
      IamSql.bumpGeneration(tx);
    });
  }

  @Override
  public void untag(EntityType type, String resourceId, List<String> keys) {
    jdbc.transactionVoid(tx -> {
      for (String key : keys) {
        tx.update(
            "delete from iam_tag where resource_type = ? and resource_id = ? and key_lower = ?",
            type.name(), resourceId, IamSql.nameKey(key));
      }
      IamSql.bumpGeneration(tx);
    });
  }
}
