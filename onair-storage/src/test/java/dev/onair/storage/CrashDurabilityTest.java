package dev.onair.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.storage.jdbc.iam.JdbcIamStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing JVM with SIGKILL and checks that every write it acknowledged is in the reopened database. This
 * is the storage-level half of the crash test; onair-it repeats it through the real server and the AWS SDK.
 */
class CrashDurabilityTest {
  @TempDir Path dataDir;

  @Test
  void sigkill_keepsEveryAcknowledgedWrite() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashWriterMain.class.getName(), dataDir.toString())
        .redirectErrorStream(true)
        .start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < 300 && (line = reader.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(line.substring(4));
        }
      }
      // SIGKILL mid-stream: the JVM gets no chance to flush or close anything.
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      JdbcIamStore store = new JdbcIamStore(database.jdbc(), SecretCipher.load(dataDir, null));
      int found = 0;
      for (String name : acknowledged) {
        var user = store.users().find("123456789012", name);
        if (user.isPresent() && store.accessKeys().list(user.get().userId()).size() == 1) {
          found++;
        }
      }
      System.out.println("crash test (storage): acknowledged=" + acknowledged.size() + " found=" + found
          + " stored users=" + store.users().list("123456789012").size());
      assertThat(found).isEqualTo(acknowledged.size());
    }
  }
}
