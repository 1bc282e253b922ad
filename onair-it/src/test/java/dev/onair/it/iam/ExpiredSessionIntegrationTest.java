package dev.onair.it.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.it.OnairProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Temporary credentials past their expiry are refused as expired, not as unknown. The session's expiry is moved
 * into the past in the stopped server's own database, so the test needs neither a 15-minute wait nor any clock
 * switch in the product.
 */
class ExpiredSessionIntegrationTest {
  static final String EXPIRED = "The security token included in the request is expired";

  @Test
  void assumedRoleSession_afterExpiry_isExpiredTokenInEachProtocol() throws Exception {
    Path dataDir = Files.createTempDirectory("onair-it-expired");
    try (RestartableServer server = new RestartableServer(dataDir)) {
      server.start();
      Credentials session = assumeRole(server);
      AwsCredentials credentials = IamClients.session(session);
      try (StsClient sts = IamClients.sts(server.endpoint(), credentials); IvsClient ivs = ivs(server, credentials)) {
        assertThat(sts.getCallerIdentity().arn()).endsWith(":assumed-role/expiring/it");
        ivs.listChannels(b -> { });
      }

      server.stop();
      backdate(dataDir, session.accessKeyId(), Instant.now().minusSeconds(60));
      server.start();

      try (StsClient sts = IamClients.sts(server.endpoint(), credentials); IvsClient ivs = ivs(server, credentials)) {
        AwsServiceException query = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
        assertThat(query.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
        assertThat(query.awsErrorDetails().errorMessage()).isEqualTo(EXPIRED);
        assertThat(query.statusCode()).isEqualTo(403);
        AwsServiceException json = catchThrowableOfType(AwsServiceException.class, () -> ivs.listChannels(b -> { }));
        assertThat(json.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        assertThat(json.awsErrorDetails().errorMessage()).isEqualTo(EXPIRED);
        assertThat(json.statusCode()).isEqualTo(403);
      }
      assertThat(server.log()).doesNotContain(session.secretAccessKey()).doesNotContain(session.sessionToken());
    } finally {
      try (var paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static Credentials assumeRole(RestartableServer server) {
    IamClient iam = IamClients.iam(server.endpoint(),
        IamClients.basic(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY));
    try (iam) {
      iam.createUser(b -> b.userName("assumer"));
      var key = iam.createAccessKey(b -> b.userName("assumer")).accessKey();
      iam.putUserPolicy(b -> b.userName("assumer").policyName("assume").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
              + "\"Resource\":\"*\"}]}"));
      String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
          + "\"arn:aws:iam::" + OnairProcess.ACCOUNT_ID + ":user/assumer\"},\"Action\":\"sts:AssumeRole\"}]}";
      String roleArn = iam.createRole(b -> b.roleName("expiring").assumeRolePolicyDocument(trust)).role().arn();
      iam.attachRolePolicy(b -> b.roleName("expiring").policyArn("arn:aws:iam::aws:policy/IVSReadOnlyAccess"));
      try (StsClient sts = IamClients.sts(server.endpoint(), IamClients.basic(key.accessKeyId(),
          key.secretAccessKey()))) {
        return sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("it").durationSeconds(900)).credentials();
      }
    }
  }

  /** The embedded H2 file of a stopped server, opened with the URL and user the server itself uses. */
  private static void backdate(Path dataDir, String accessKeyId, Instant expiresAt) throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("onair").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection connection = DriverManager.getConnection(url, "onair", "");
        PreparedStatement update = connection.prepareStatement(
            "update sts_session set expires_at = ?, issued_at = ? where access_key_id = ?")) {
      update.setObject(1, expiresAt.atOffset(ZoneOffset.UTC));
      update.setObject(2, expiresAt.minusSeconds(900).atOffset(ZoneOffset.UTC));
      update.setString(3, accessKeyId);
      assertThat(update.executeUpdate()).as("session rows updated").isEqualTo(1);
    }
  }

  private static IvsClient ivs(RestartableServer server, AwsCredentials credentials) {
    return IvsClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_WEST_2)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD).retryPolicy(p -> p.numRetries(0)))
        .build();
  }
}
