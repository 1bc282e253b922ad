package dev.onair.storage.jdbc.ivs;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;

class PostgresChannelReferenceTest extends ChannelReferenceContract {
  @Override
  Database open(Path dataDir) {
    return Database.open(new DatabaseSettings(dataDir, PostgresCluster.shared().createMigratedDatabase(), 2));
  }
}
