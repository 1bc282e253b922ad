package dev.onair.storage.cluster;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;

/** The races on the embedded store: one node, but its request threads race the same way. */
class H2ClusterRaceTest extends ClusterRaceContract {
  @Override
  Database openNode(Path dataDir) {
    return Database.open(DatabaseSettings.embedded(dataDir));
  }
}
