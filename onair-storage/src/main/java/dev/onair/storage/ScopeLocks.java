package dev.onair.storage;

/**
 * Serialises "count, then create if there is room" across nodes: the caller locks its scope's row inside the
 * transaction that counts and inserts, so a second node's transaction waits and then counts the first one's row.
 * In-process locks cannot do this once several processes share one database.
 */
public final class ScopeLocks {
  private ScopeLocks() {}

  /**
   * Locks {@code scope} until {@code tx} ends, creating its row first when needed. {@code on conflict do nothing}
   * (PostgreSQL, and H2 in PostgreSQL mode) keeps a concurrent first insert from failing the transaction: the
   * second inserter waits for the first to commit and then inserts nothing. It runs on the transaction's own
   * connection on purpose: borrowing a second one while holding the first can exhaust the pool when every
   * worker is doing the same.
   */
  public static void lock(Tx tx, String scope) {
    tx.update("insert into onair_scope_lock (scope) values (?) on conflict do nothing", scope);
    tx.exists("select scope from onair_scope_lock where scope = ? for update", scope);
  }
}
