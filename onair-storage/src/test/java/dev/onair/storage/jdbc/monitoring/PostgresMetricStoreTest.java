package dev.onair.storage.jdbc.monitoring;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;

/** The same on PostgreSQL, where two nodes really write one store. */
class PostgresMetricStoreTest extends JdbcMetricStoreTest {
  private String url;

  @Override
  Database openNode(Path dir) {
    if (url == null) {
      url = PostgresCluster.shared().createMigratedDatabase();
    }
    return Database.open(new DatabaseSettings(dir, url, 4));
  }
}
