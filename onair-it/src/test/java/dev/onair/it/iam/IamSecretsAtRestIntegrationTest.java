package dev.onair.it.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Greps every file of the data directory, and the log, for a known secret access key and password. */
class IamSecretsAtRestIntegrationTest {
  static final String PASSWORD = "Known-Pa55word-for-the-grep!";

  @Test
  void dataDirAndLog_holdNoSecretInTheClear() throws Exception {
    Path dataDir = Files.createTempDirectory("onair-it-secrets");
    List<String> secrets = new ArrayList<>();
    try (RestartableServer server = new RestartableServer(dataDir)) {
      server.start();
      try (IamClient iam = IamClients.iam(server.endpoint(),
          IamClients.basic(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY))) {
        iam.createUser(b -> b.userName("grep-me"));
        var key = iam.createAccessKey(b -> b.userName("grep-me")).accessKey();
        secrets.add(key.secretAccessKey());
        iam.createLoginProfile(b -> b.userName("grep-me").password(PASSWORD));
        secrets.add(PASSWORD);
        try (StsClient sts = IamClients.sts(server.endpoint(),
            IamClients.basic(key.accessKeyId(), key.secretAccessKey()))) {
          sts.getCallerIdentity();
        }
      }
      secrets.add(OnairProcess.ADMIN_SECRET_ACCESS_KEY);
      server.stop();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dataDir)) {
        files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
      }
      files.add(server.log);
      int scanned = 0;
      for (Path file : files) {
        byte[] bytes = read(file);
        scanned++;
        for (String secret : secrets) {
          assertThat(contains(bytes, secret.getBytes(StandardCharsets.UTF_8)))
              .as("%s holds a secret in the clear", file).isFalse();
          assertThat(contains(bytes, secret.getBytes(StandardCharsets.UTF_16BE)))
              .as("%s holds a secret (UTF-16) in the clear", file).isFalse();
        }
      }
      System.out.println("secrets-at-rest grep: " + scanned + " files, " + secrets.size() + " secrets, none found");
    }
  }

  private static byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
