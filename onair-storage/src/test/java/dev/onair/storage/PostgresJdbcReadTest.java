package dev.onair.storage;

import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;

class PostgresJdbcReadTest extends JdbcReadContract {
  @Override
  Database open(Path dataDir) {
    return Database.open(new DatabaseSettings(dataDir, PostgresCluster.shared().createMigratedDatabase(), 2));
  }
}
