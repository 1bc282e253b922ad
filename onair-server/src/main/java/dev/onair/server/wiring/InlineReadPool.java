package dev.onair.server.wiring;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.onair.server.http.InlineRequests;
import dev.onair.storage.Database;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The embedded store's connections, split by who asks: a read an event loop runs itself ({@link
 * InlineRequests#inProgress()}) takes a connection from a pool of its own, every other thread from the shared
 * pool. The shared pool has 8 connections for 32 workers, so writers can hold all of them for a while; an event
 * loop queued behind them would stall every connection it serves.
 *
 * <p>The reserved pool holds two connections per event loop, opened at start: a loop runs one request at a time,
 * and a read may nest one query inside another's transaction, so a loop never waits for a connection (250 ms,
 * Hikari's least, is the bound if a read ever nested deeper). Same database, same H2 session rules: H2's MVCC
 * lets these reads proceed while writers hold row locks.
 */
public final class InlineReadPool implements DataSource, AutoCloseable {
  private static final long CONNECTION_TIMEOUT_MILLIS = 250;

  private final DataSource shared;
  private final HikariDataSource reserved;

  private InlineReadPool(DataSource shared, HikariDataSource reserved) {
    this.shared = shared;
    this.reserved = reserved;
  }

  /** Opens the reserved pool on {@code database}'s embedded H2 file, {@code 2 × eventLoops} connections. */
  public static InlineReadPool open(Database database, int eventLoops) {
    requireNonNull(database, "database is null");
    if (database.dialect() != Database.Dialect.H2) {
      throw new IllegalArgumentException("inline reads are for the embedded store only");
    }
    HikariDataSource main;
    try {
      main = database.dataSource().unwrap(HikariDataSource.class);
    } catch (SQLException e) {
      throw new IllegalStateException("the embedded store's pool is not HikariCP", e);
    }
    int size = 2 * Math.max(1, eventLoops);
    HikariConfig config = new HikariConfig();
    config.setPoolName("onair-db-inline");
    config.setJdbcUrl(main.getJdbcUrl());
    config.setUsername(main.getUsername());
    config.setPassword(main.getPassword());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setAutoCommit(true);
    return new InlineReadPool(database.dataSource(), new HikariDataSource(config));
  }

  private DataSource current() {
    return InlineRequests.inProgress() ? reserved : shared;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return current().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return current().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return shared.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    shared.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    shared.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return shared.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return shared.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return shared.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return shared.isWrapperFor(type);
  }

  /** Connections of the reserved pool in use now (tests). */
  int reservedInUse() {
    return reserved.getHikariPoolMXBean().getActiveConnections();
  }

  /** Closes the reserved pool only; the shared one is the database's. */
  @Override
  public void close() {
    reserved.close();
  }
}
