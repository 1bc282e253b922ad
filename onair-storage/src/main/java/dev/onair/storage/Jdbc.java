package dev.onair.storage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC with the boilerplate taken out: parameter binding, row mapping, transactions. No ORM, no
 * reflection: each repository writes its SQL and maps rows by hand, so the SQL stays visible and portable.
 *
 * <p>Outside {@link #transaction} each call runs in its own auto-committed transaction.
 */
public final class Jdbc {
  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  /** Work that runs inside one transaction. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(Tx tx);
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (the exception
   * propagates unchanged, so services may throw their own errors from inside).
   */
  public <T> T transaction(TransactionWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Tx tx = new Tx(connection);
        T result = work.run(tx);
        connection.commit();
        tx.runAfterCommit();
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } catch (SQLException e) {
        rollbackQuietly(connection, e);
        throw DataAccessException.wrap(e);
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw DataAccessException.wrap(e);
    }
  }

  public void transactionVoid(java.util.function.Consumer<Tx> work) {
    transaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /**
   * For update-then-insert upserts. Two writers adding the same new key both find nothing to update and both
   * insert; the later one hits the unique constraint. Run again, its update finds the row, so the client gets
   * the same outcome as if the calls had been serial instead of a 500.
   */
  public void upsertTransaction(java.util.function.Consumer<Tx> work) {
    try {
      transactionVoid(work);
    } catch (DataAccessException e) {
      if (!e.isUniqueViolation()) {
        throw e;
      }
      transactionVoid(work);
    }
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return transaction(tx -> tx.query(sql, mapper, params));
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    return transaction(tx -> tx.queryOne(sql, mapper, params));
  }

  public int update(String sql, Object... params) {
    return transaction(tx -> tx.update(sql, params));
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }
}
