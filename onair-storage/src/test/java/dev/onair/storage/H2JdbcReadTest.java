package dev.onair.storage;

import java.nio.file.Path;

class H2JdbcReadTest extends JdbcReadContract {
  @Override
  Database open(Path dataDir) {
    return Database.open(new DatabaseSettings(dataDir, null, 2));
  }
}
