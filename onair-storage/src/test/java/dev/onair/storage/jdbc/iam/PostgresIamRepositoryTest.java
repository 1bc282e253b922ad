package dev.onair.storage.jdbc.iam;

import dev.onair.iam.store.IamStore;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The IAM contract on a real PostgreSQL: same migrations, same SQL, a fresh database per test. */
class PostgresIamRepositoryTest extends IamRepositoryContract {
  @TempDir Path dataDir;
  private Database database;

  @Override
  IamStore newStore() {
    String url = PostgresCluster.shared().createMigratedDatabase();
    database = Database.open(new DatabaseSettings(dataDir, url, 4));
    return new JdbcIamStore(database.jdbc(), SecretCipher.load(dataDir, null));
  }

  @AfterEach
  void close() {
    database.close();
  }
}
