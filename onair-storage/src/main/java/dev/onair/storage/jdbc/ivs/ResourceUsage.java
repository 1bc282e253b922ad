package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.IvsArn;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Tx;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The per-account-and-region resource counters of {@code ivs_resource_usage} (V210): every insert and delete of a
 * quota-limited resource moves its counter in the same transaction, so a quota check reads one row instead of
 * counting the table, and the counter always equals the number of rows.
 *
 * <p>{@link #take} is one conditional update, {@code used = used + 1 where used < limit}. On PostgreSQL a second
 * transaction updating the same row waits for the first to commit and then re-evaluates the condition on the
 * committed value (H2 does the same), so two nodes racing for the last slot cannot both get it, and the row stays
 * locked only until the creating transaction ends. Callers take the slot as their last statement, after their
 * inserts, which keeps that lock as short as the commit.
 */
final class ResourceUsage {
  static final String CHANNEL = "channel";
  static final String RECORDING_CONFIGURATION = "recording-configuration";
  static final String PLAYBACK_KEY_PAIR = "playback-key-pair";
  static final String PLAYBACK_RESTRICTION_POLICY = "playback-restriction-policy";

  private static final String INCREMENT_BELOW = "update ivs_resource_usage set used = used + 1"
      + " where account_id = ? and region = ? and resource_type = ? and used < ?";
  private static final String CREATE_ROW = "insert into ivs_resource_usage (account_id, region, resource_type, used)"
      + " values (?, ?, ?, 0) on conflict do nothing";

  private ResourceUsage() {}

  /**
   * Runs {@code inserts} and then takes a slot of {@code type} in the resource's account and region, in one
   * transaction: committed when the quota had room, rolled back (false) when it is used up.
   */
  static boolean insertWithinLimit(Jdbc jdbc, String arn, String type, long limit, Consumer<Tx> inserts) {
    IvsArn scope = IvsSql.scope(arn);
    try {
      jdbc.transactionVoid(tx -> {
        inserts.accept(tx);
        if (!take(tx, scope.accountId(), scope.region(), type, limit)) {
          throw QuotaUsedUp.INSTANCE;
        }
      });
      return true;
    } catch (QuotaUsedUp e) {
      return false;
    }
  }

  /** Runs {@code inserts} and counts the resource, whatever the quota, in one transaction. */
  static void insert(Jdbc jdbc, String arn, String type, Consumer<Tx> inserts) {
    insertWithinLimit(jdbc, arn, type, Long.MAX_VALUE, inserts);
  }

  /** Runs {@code delete} and, when it removed the resource, uncounts it, in one transaction. */
  static boolean delete(Jdbc jdbc, String arn, String type, Predicate<Tx> delete) {
    IvsArn scope = IvsSql.scope(arn);
    return jdbc.transaction(tx -> {
      if (!delete.test(tx)) {
        return false;
      }
      release(tx, scope.accountId(), scope.region(), type);
      return true;
    });
  }

  /** Counts one more resource when fewer than {@code limit} exist; returns false, changing nothing, otherwise. */
  static boolean take(Tx tx, String accountId, String region, String type, long limit) {
    if (tx.update(INCREMENT_BELOW, accountId, region, type, limit) == 1) {
      return true;
    }
    // Either the quota is used up or the scope has no row yet (its first resource): create the row, then retry.
    // "on conflict do nothing" lets two first creators meet without failing: the second waits, then inserts nothing.
    tx.update(CREATE_ROW, accountId, region, type);
    return tx.update(INCREMENT_BELOW, accountId, region, type, limit) == 1;
  }

  /** Counts one resource fewer: called in the transaction that deleted it. */
  static void release(Tx tx, String accountId, String region, String type) {
    tx.update("update ivs_resource_usage set used = used - 1"
        + " where account_id = ? and region = ? and resource_type = ? and used > 0", accountId, region, type);
  }

  /** Unwinds the transaction (rolled back) without a stack trace: a full quota is an expected answer. */
  private static final class QuotaUsedUp extends RuntimeException {
    private static final QuotaUsedUp INSTANCE = new QuotaUsedUp();

    private QuotaUsedUp() {
      super("quota used up", null, false, false);
    }
  }

  static long used(Jdbc jdbc, String accountId, String region, String type) {
    return jdbc.queryOne(
        "select used from ivs_resource_usage where account_id = ? and region = ? and resource_type = ?",
        row -> row.longValue(1), accountId, region, type).orElse(0L);
  }
}
