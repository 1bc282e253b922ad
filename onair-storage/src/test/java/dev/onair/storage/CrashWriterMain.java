package dev.onair.storage;

import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
import dev.onair.iam.model.Account;
import dev.onair.iam.model.User;
import dev.onair.iam.support.IamIds;
import dev.onair.protocol.Secret;
import dev.onair.storage.jdbc.iam.JdbcIamStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The victim of {@link CrashDurabilityTest}: writes users and access keys forever, printing "ACK name" only after
 * each write committed. Whatever it acknowledged must survive SIGKILL.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      JdbcIamStore store = new JdbcIamStore(database.jdbc(), SecretCipher.load(dataDir, null));
      store.accounts().createIfAbsent(new Account("123456789012", Instant.now()), null);
      for (int i = 0; ; i++) {
        String name = "crash-" + i;
        User user = store.users().create(new User(IamIds.uniqueId(IamIds.USER), "123456789012", name, "/",
            Instant.now(), null, null, List.of()));
        store.accessKeys().create(new AccessKey(IamIds.accessKeyId(false), "123456789012", user.userId(), name,
            AccessKeyStatus.Active, Instant.now(), null, null, null), Secret.of(IamIds.secretAccessKey()));
        System.out.println("ACK " + name);
        System.out.flush();
      }
    }
  }
}
