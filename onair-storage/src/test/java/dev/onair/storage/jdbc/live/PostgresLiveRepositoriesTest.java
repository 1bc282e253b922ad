package dev.onair.storage.jdbc.live;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;

/** V500__live.sql and the live repositories' SQL on a real PostgreSQL. */
class PostgresLiveRepositoriesTest extends JdbcLiveRepositoriesTest {
  @Override
  Database openDatabase(Path dir) {
    return Database.open(new DatabaseSettings(dir, PostgresCluster.shared().createMigratedDatabase(), 4));
  }
}
