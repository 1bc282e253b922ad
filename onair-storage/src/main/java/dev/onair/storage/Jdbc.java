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
 * <p>Outside {@link #transaction} each call runs in its own auto-committed transaction. Reads ({@link #query},
 * {@link #queryOne}, {@link #read}) run on a connection left in auto-commit mode: a single statement is atomic on
 * its own, and at the READ COMMITTED isolation both H2 and PostgreSQL default to, a read-only transaction of
 * several statements gives no snapshot either (each statement sees what was committed when it started). So the
 * transaction buys a read nothing and costs it two auto-commit switches and a commit (on PostgreSQL, a BEGIN and
 * a COMMIT round trip; on the embedded H2, about a third of a small read's CPU).
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
        Tx tx = new Tx(connection, false);
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

  /**
   * Runs read-only {@code work} on one pooled connection in auto-commit mode: every statement sees what was
   * committed when it started, as in a READ COMMITTED transaction. Not for writes ({@link Tx#update} would commit
   * statement by statement) and not for {@link Tx#afterCommit}, which it refuses.
   */
  public <T> T read(TransactionWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(new Tx(connection, true));
    } catch (SQLException e) {
      throw DataAccessException.wrap(e);
    }
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return read(tx -> tx.query(sql, mapper, params));
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    return read(tx -> tx.queryOne(sql, mapper, params));
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
