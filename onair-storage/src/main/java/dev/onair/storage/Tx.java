package dev.onair.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One transaction's connection. Parameters bind by Java type; {@link Instant}s go in as UTC timestamps. */
public final class Tx {
  private final Connection connection;
  /** A {@link Jdbc#read}: auto-commit, so there is no commit to run anything after. */
  private final boolean autoCommitRead;
  private List<Runnable> afterCommit;

  Tx(Connection connection, boolean autoCommitRead) {
    this.connection = connection;
    this.autoCommitRead = autoCommitRead;
  }

  /**
   * Runs {@code action} once this transaction has committed (never on rollback), e.g. to tell in-process caches
   * that data they derived from is now stale: run earlier, a cache could reload the old rows and keep them.
   */
  public void afterCommit(Runnable action) {
    if (autoCommitRead) {
      throw new IllegalStateException("afterCommit in a read: only a transaction commits");
    }
    if (afterCommit == null) {
      afterCommit = new ArrayList<>(2);
    }
    afterCommit.add(action);
  }

  void runAfterCommit() {
    if (afterCommit != null) {
      afterCommit.forEach(Runnable::run);
    }
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    try (PreparedStatement statement = prepare(sql, params);
        ResultSet resultSet = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      Row row = new Row(resultSet, sql);
      while (resultSet.next()) {
        rows.add(mapper.map(row));
      }
      return rows;
    } catch (SQLException e) {
      throw DataAccessException.wrap(e);
    }
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row from: " + sql);
    }
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public long count(String sql, Object... params) {
    return queryOne(sql, row -> row.longValue(1), params).orElse(0L);
  }

  public boolean exists(String sql, Object... params) {
    return !query(sql, row -> Boolean.TRUE, params).isEmpty();
  }

  /** One statement executed for every parameter row as a JDBC batch (prepared once); @return rows changed. */
  public int batchUpdate(String sql, List<Object[]> rows) {
    int changed = 0;
    for (int count : batch(sql, rows)) {
      changed += Math.max(count, 0);
    }
    return changed;
  }

  /**
   * As {@link #batchUpdate}, with the driver's count for each parameter row (negative when the driver does not
   * know it, {@link java.sql.Statement#SUCCESS_NO_INFO}).
   */
  public int[] batch(String sql, List<Object[]> rows) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] params : rows) {
        for (int i = 0; i < params.length; i++) {
          bind(statement, i + 1, params[i]);
        }
        statement.addBatch();
      }
      return statement.executeBatch();
    } catch (SQLException e) {
      throw DataAccessException.wrap(e);
    }
  }

  /** @return the number of rows changed */
  public int update(String sql, Object... params) {
    try (PreparedStatement statement = prepare(sql, params)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw DataAccessException.wrap(e);
    }
  }

  public Connection connection() {
    return connection;
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        bind(statement, i + 1, params[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof Instant instant) {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    } else if (value instanceof Enum<?> constant) {
      statement.setString(index, constant.name());
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else {
      statement.setObject(index, value);
    }
  }
}
