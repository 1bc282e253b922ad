package dev.onair.storage.jdbc.ivs;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;

class H2ChannelReferenceTest extends ChannelReferenceContract {
  @Override
  Database open(Path dataDir) {
    return Database.open(DatabaseSettings.embedded(dataDir));
  }
}
