package dev.onair.it.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * SIGKILL during a stream of acknowledged writes, then restart on the same data directory: every CreateUser and
 * CreateAccessKey the client saw succeed must be there, and the store must open cleanly.
 */
class IamCrashIntegrationTest {
  @Test
  void sigkillDuringWrites_keepsEveryAcknowledgedWrite() throws Exception {
    Path dataDir = Files.createTempDirectory("onair-it-crash");
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    try (RestartableServer server = new RestartableServer(dataDir)) {
      server.start();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread writer = new Thread(() -> {
        try (IamClient iam = IamClients.iam(server.endpoint(),
            IamClients.basic(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY))) {
          for (int i = 0; running.get(); i++) {
            String name = "crash-" + i;
            iam.createUser(b -> b.userName(name));
            String keyId = iam.createAccessKey(b -> b.userName(name)).accessKey().accessKeyId();
            acknowledged.put(name, keyId);
          }
        } catch (RuntimeException killed) {
          // The server died under us: whatever was acknowledged before this is what counts.
        }
      });
      writer.start();
      long deadline = System.currentTimeMillis() + 20_000;
      while (acknowledged.size() < 150 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      server.kill();
      running.set(false);
      writer.join(30_000);
      int written = acknowledged.size();
      server.start();
      int found = 0;
      try (IamClient iam = IamClients.iam(server.endpoint(),
          IamClients.basic(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY))) {
        for (Map.Entry<String, String> entry : acknowledged.entrySet()) {
          try {
            List<String> keys = iam.listAccessKeys(b -> b.userName(entry.getKey())).accessKeyMetadata().stream()
                .map(k -> k.accessKeyId()).toList();
            if (keys.contains(entry.getValue())) {
              found++;
            }
          } catch (NoSuchEntityException missing) {
            // counted as lost
          }
        }
      }
      System.out.println("crash test (server, SIGKILL): acknowledged=" + written + " found=" + found);
      assertThat(written).isGreaterThan(0);
      assertThat(found).isEqualTo(written);
    }
  }
}
