package dev.onair.storage;

/**
 * Serialises "count, then create if there is room" across nodes: the caller locks its scope's row inside the
 * transaction that counts and inserts, so a second node's transaction waits and then counts the first one's row.
 * In-process locks cannot do this once several processes share one database.
 */
public final class ScopeLocks {
  private ScopeLocks() {}

  /**
   * Locks {@code scope} until {@code tx} ends, creating its row first when needed. The row is created in its own
   * auto-committed statement because on PostgreSQL a failed insert (two nodes creating the row at once) would
   * abort the caller's transaction.
   */
  public static void lock(Jdbc jdbc, Tx tx, String scope) {
    if (!tx.exists("select scope from onair_scope_lock where scope = ? for update", scope)) {
      try {
        jdbc.update("insert into onair_scope_lock (scope) values (?)", scope);
      } catch (DataAccessException e) {
        if (!e.isUniqueViolation()) {
          throw e;
        }
      }
      tx.exists("select scope from onair_scope_lock where scope = ? for update", scope);
    }
  }
}
