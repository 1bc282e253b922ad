package dev.onair.storage.jdbc.ivs;

import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;

/** V210 on PostgreSQL. */
class PostgresResourceUsageMigrationTest extends ResourceUsageMigrationContract {
  private String url;

  @Override
  void createDatabase(Path dataDir) {
    url = PostgresCluster.shared().createEmptyDatabase();
  }

  @Override
  String[] jdbc() {
    String database = url.substring(url.lastIndexOf('/') + 1);
    return new String[] {PostgresCluster.shared().jdbcUrl(database), null, null};
  }

  @Override
  DatabaseSettings settings() {
    return new DatabaseSettings(dataDir, url, 2);
  }
}
