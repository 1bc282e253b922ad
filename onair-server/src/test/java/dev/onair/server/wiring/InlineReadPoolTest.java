package dev.onair.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.onair.server.http.InlineRequests;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline reads take the reserved connections, every other thread the shared pool, whatever the shared pool holds. */
class InlineReadPoolTest {
  @TempDir Path dataDir;
  private Database database;
  private InlineReadPool pool;

  @BeforeEach
  void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    pool = InlineReadPool.open(database, 2);
  }

  @AfterEach
  void close() {
    pool.close();
    database.close();
  }

  private int sharedInUse() throws SQLException {
    return database.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
  }

  @Test
  void workerThread_getsTheSharedPool() throws SQLException {
    try (Connection connection = pool.getConnection()) {
      assertThat(sharedInUse()).isEqualTo(1);
      assertThat(pool.reservedInUse()).isZero();
    }
  }

  @Test
  void inlineRead_getsTheReservedPool_evenWhenWritersHoldEverySharedConnection() throws SQLException {
    List<Connection> writers = new ArrayList<>();
    for (int i = 0; i < DatabaseSettings.embedded(dataDir).maximumPoolSize(); i++) {
      writers.add(database.dataSource().getConnection());
    }
    try {
      int answer =
          InlineRequests.run(
              () -> {
                try (Connection outer = pool.getConnection();
                    Connection nested = pool.getConnection();
                    var statement = nested.createStatement();
                    var result = statement.executeQuery("SELECT 41 + 1")) {
                  assertThat(pool.reservedInUse()).isEqualTo(2);
                  result.next();
                  return result.getInt(1);
                } catch (SQLException e) {
                  throw new AssertionError(e);
                }
              });
      assertThat(answer).isEqualTo(42);
      assertThat(pool.reservedInUse()).isZero();
      assertThat(sharedInUse()).isEqualTo(writers.size());
    } finally {
      for (Connection writer : writers) {
        writer.close();
      }
    }
  }
}
