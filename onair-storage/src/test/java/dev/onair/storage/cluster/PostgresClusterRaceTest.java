package dev.onair.storage.cluster;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;

/** The races on PostgreSQL, where several nodes really share one database. */
class PostgresClusterRaceTest extends ClusterRaceContract {
  private String url;

  @Override
  Database openNode(Path dataDir) {
    if (url == null) {
      url = PostgresCluster.shared().createMigratedDatabase();
    }
    return Database.open(new DatabaseSettings(dataDir, url, 4));
  }
}
