package dev.onair.storage.jdbc.ivs;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;

class H2ChannelReadTest extends ChannelReadContract {
  @Override
  Database open(Path dataDir) {
    return Database.open(DatabaseSettings.embedded(dataDir));
  }
}
