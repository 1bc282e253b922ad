package dev.onair.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairProcess;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code onair migrate} end to end: a populated embedded installation is stopped, migrated by the real jar into
 * PostgreSQL, and a node started on PostgreSQL (with the old master key, a fresh data directory) finds every
 * object through the API, including the secrets encrypted at rest.
 */
class MigrateIntegrationTest {
  @Test
  void migrate_populatedDataDir_everyObjectIsFoundOnANodeStartedOnPostgres() throws Exception {
    OnairProcess embedded = OnairProcess.start();
    try {
      IamClient iam = Clients.iam(embedded);
      iam.createUser(r -> r.userName("migrated-user").path("/ops/"));
      iam.createGroup(r -> r.groupName("migrated-group"));
      iam.addUserToGroup(r -> r.userName("migrated-user").groupName("migrated-group"));
      iam.putUserPolicy(r -> r.userName("migrated-user").policyName("list")
          .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
              + "\"Action\":[\"iam:ListUsers\",\"ivs:ListChannels\"],\"Resource\":\"*\"}]}"));
      AccessKey key = iam.createAccessKey(r -> r.userName("migrated-user")).accessKey();
      s3(embedded).createBucket(r -> r.bucket("migrated-bucket"));
      CreateChannelResponse channel = Cluster.ivs(embedded).createChannel(r -> r.name("migrated-channel")
          .tags(java.util.Map.of("team", "video")));
      embedded.stop(); // SIGTERM: the H2 file must be closed before it is read

      String url = PostgresCluster.shared().createEmptyDatabase();
      Process migrate = new ProcessBuilder(javaBin(), "-jar", serverJar().toString(), "migrate",
          "--from", embedded.dataDir().toString(), "--database-url", url)
          .redirectErrorStream(true).start();
      String output = new String(migrate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(migrate.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(migrate.exitValue()).as(output).isZero();
      assertThat(output).contains("row counts verified").contains("iam_user").contains("ivs_stream_key")
          .contains("ONAIR_MASTER_KEY").doesNotContain(url);

      String masterKey = Files.readString(embedded.dataDir().resolve(SecretCipher.KEY_FILE)).trim();
      try (OnairProcess onPostgres = OnairProcess.start("--database-url", url, "--master-key", masterKey)) {
        assertThat(Clients.iam(onPostgres).getUser(r -> r.userName("migrated-user")).user().path())
            .isEqualTo("/ops/");
        assertThat(Clients.iam(onPostgres).getGroup(r -> r.groupName("migrated-group")).users())
            .extracting(u -> u.userName()).containsExactly("migrated-user");
        IamClient asMigratedUser =
            Clients.iam(onPostgres, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        assertThat(asMigratedUser.listUsers().users()).extracting(u -> u.userName()).contains("migrated-user");
        IvsClient ivs = Cluster.ivs(onPostgres);
        assertThat(ivs.getChannel(r -> r.arn(channel.channel().arn())).channel().tags())
            .containsEntry("team", "video");
        assertThat(ivs.getStreamKey(r -> r.arn(channel.streamKey().arn())).streamKey().value())
            .isEqualTo(channel.streamKey().value());
        assertThat(s3(onPostgres).listBuckets().buckets()).extracting(b -> b.name()).contains("migrated-bucket");
      }
    } finally {
      embedded.close();
    }
  }

  private static S3Client s3(OnairProcess node) {
    return S3Client.builder()
        .endpointOverride(node.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(() -> Clients.admin())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path serverJar() {
    Path jar = Path.of("..", "onair-server", "target", "onair-server.jar").toAbsolutePath().normalize();
    assertThat(jar).as("server jar (build onair-server first)").isRegularFile();
    return jar;
  }

}
