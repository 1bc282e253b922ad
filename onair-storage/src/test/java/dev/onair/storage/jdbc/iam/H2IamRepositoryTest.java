package dev.onair.storage.jdbc.iam;

import dev.onair.iam.store.IamStore;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2IamRepositoryTest extends IamRepositoryContract {
  @TempDir Path dataDir;
  private Database database;

  @Override
  IamStore newStore() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    return new JdbcIamStore(database.jdbc(), SecretCipher.load(dataDir, null));
  }

  @AfterEach
  void close() {
    database.close();
  }
}
