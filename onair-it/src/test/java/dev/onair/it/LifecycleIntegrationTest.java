package dev.onair.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** Start, restart and SIGTERM of the real process. */
class LifecycleIntegrationTest {
  @Test
  void start_healthyQuickly_stopsCleanlyOnSigterm() {
    OnairProcess onair = OnairProcess.start();
    try {
      System.out.println("startup to healthy: " + onair.startupTime().toMillis() + " ms");
      // the bar is 3 s on a warm build; CI machines are slower, so only gross regressions fail here
      assertThat(onair.startupTime().toSeconds()).isLessThan(30);
      int exit = onair.stop();
      // the JVM reports 143 (128 + SIGTERM) when the shutdown hook completes
      assertThat(exit).isIn(0, 143);
      assertThat(onair.log()).doesNotContain("\tat ");
    } finally {
      onair.close();
    }
  }

  @Test
  void sigtermAfterSignedTraffic_orderlyStopWritesWithoutErrors() {
    OnairProcess onair = OnairProcess.start();
    try {
      // signed calls leave work for the orderly stop: access-key last-use times and buffered metrics
      try (IamClient iam = Clients.iam(onair)) {
        for (int i = 0; i < 20; i++) {
          iam.getUser();
          iam.listUsers();
        }
      }
      int exit = onair.stop();
      assertThat(exit).isIn(0, 143);
      // H2's own shutdown hook used to close the database under the orderly stop's last writes
      assertThat(onair.log()).doesNotContain("already closed").doesNotContain("\tat ");
    } finally {
      onair.close();
    }
  }

  @Test
  void firstStart_generatedSecretsOnlyInOwnerOnlyFile() throws Exception {
    OnairProcess onair = OnairProcess.start();
    try {
      Path credentials = onair.dataDir().resolve("bootstrap-credentials");
      assertThat(credentials).exists();
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(credentials);
      assertThat(permissions).containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      String generatedPassword =
          Files.readAllLines(credentials).stream()
              .filter(line -> line.startsWith("root_password="))
              .map(line -> line.substring("root_password=".length()))
              .findFirst()
              .orElseThrow();
      assertThat(onair.log()).contains(credentials.toString()).doesNotContain(generatedPassword);
      assertThat(onair.log()).doesNotContain(OnairProcess.ADMIN_SECRET_ACCESS_KEY);
    } finally {
      onair.close();
    }
  }
}
