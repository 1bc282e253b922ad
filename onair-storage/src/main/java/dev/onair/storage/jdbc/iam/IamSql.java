package dev.onair.storage.jdbc.iam;

import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Tag;
import dev.onair.storage.DataAccessException;
import dev.onair.storage.Tx;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** SQL fragments the IAM repositories share. */
final class IamSql {
  /**
   * Generation bumps committed by this process (any store in it). Caches of the generation compare it to skip the
   * database read until this process changed IAM; changes by other processes still need their own bound.
   */
  static final AtomicLong LOCAL_BUMPS = new AtomicLong();

  private IamSql() {}

  /** Every change that feeds a principal's policies calls this inside its own transaction. */
  static void bumpGeneration(Tx tx) {
    tx.update("update iam_generation set counter = counter + 1 where id = 1");
    // after the commit, so that a cache invalidated by it cannot reload the generation from before the change
    tx.afterCommit(LOCAL_BUMPS::incrementAndGet);
  }

  static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  static List<Tag> tags(Tx tx, EntityType type, String resourceId) {
    return tx.query(
        "select tag_key, tag_value from iam_tag where resource_type = ? and resource_id = ? order by ordinal",
        row -> new Tag(row.string("tag_key"), row.string("tag_value")),
        type.name(),
        resourceId);
  }

  static void insertTags(Tx tx, EntityType type, String resourceId, List<Tag> tags) {
    int ordinal = (int) tx.count(
        "select coalesce(max(ordinal), 0) from iam_tag where resource_type = ? and resource_id = ?",
        type.name(), resourceId);
    for (Tag tag : tags) {
      ordinal++;
      tx.update(
          "insert into iam_tag (resource_type, resource_id, key_lower, tag_key, tag_value, ordinal)"
              + " values (?, ?, ?, ?, ?, ?)",
          type.name(), resourceId, nameKey(tag.key()), tag.key(), tag.value(), ordinal);
    }
  }

  static void deleteTags(Tx tx, EntityType type, String resourceId) {
    tx.update("delete from iam_tag where resource_type = ? and resource_id = ?", type.name(), resourceId);
  }

  /** Locks a row for the rest of the transaction, serialising concurrent changes to one entity. */
  static boolean lock(Tx tx, String table, String idColumn, String id) {
    return tx.exists("select " + idColumn + " from " + table + " where " + idColumn + " = ? for update", id);
  }

  /** Runs an insert or update, turning a unique-constraint hit into the service's own error. */
  static <T> T unique(Supplier<T> work, Supplier<RuntimeException> onDuplicate) {
    try {
      return work.get();
    } catch (DataAccessException e) {
      if (e.isUniqueViolation()) {
        throw onDuplicate.get();
      }
      throw e;
    }
  }
}
