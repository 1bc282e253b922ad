package dev.onair.storage.jdbc.ivs;

import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;

/** V210 on the embedded store. */
class H2ResourceUsageMigrationTest extends ResourceUsageMigrationContract {
  @Override
  void createDatabase(Path dataDir) {
    // An H2 file database is created by its first connection.
  }

  @Override
  String[] jdbc() {
    return new String[] {"jdbc:h2:file:" + dataDir.resolve("db").resolve("onair").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "onair", ""};
  }

  @Override
  DatabaseSettings settings() {
    return DatabaseSettings.embedded(dataDir);
  }
}
