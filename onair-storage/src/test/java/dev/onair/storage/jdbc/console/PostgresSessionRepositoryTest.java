package dev.onair.storage.jdbc.console;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;

/** V700__console_sessions.sql and the session repository's SQL on a real PostgreSQL. */
class PostgresSessionRepositoryTest extends JdbcSessionRepositoryTest {
  @Override
  Database openDatabase(Path dir) {
    return Database.open(new DatabaseSettings(dir, PostgresCluster.shared().createMigratedDatabase(), 4));
  }
}
