package dev.onair.it.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.it.Clients;
import dev.onair.it.OnairProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Every SDK client the policy tests use, for one set of credentials, with retries off so that each answer is the
 * server's first one (a policy change must take effect on the very next request, not on a retry).
 */
final class PolicyClients implements AutoCloseable {
  static final Region REGION = Region.US_WEST_2;
  static final String ACCOUNT = OnairProcess.ACCOUNT_ID;

  final IamClient iam;
  final StsClient sts;
  final IvsClient ivs;
  final S3Client s3;
  final CloudWatchClient cloudWatch;
  final ServiceQuotasClient quotas;
  final AccessAnalyzerClient analyzer;

  PolicyClients(OnairProcess onair, AwsCredentials credentials) {
    iam = configure(IamClient.builder(), onair, credentials).build();
    sts = configure(StsClient.builder(), onair, credentials).build();
    ivs = configure(IvsClient.builder(), onair, credentials).build();
    s3 = configure(S3Client.builder().forcePathStyle(true), onair, credentials).build();
    cloudWatch = configure(CloudWatchClient.builder(), onair, credentials).build();
    quotas = configure(ServiceQuotasClient.builder(), onair, credentials).build();
    analyzer = configure(AccessAnalyzerClient.builder(), onair, credentials).build();
  }

  static PolicyClients admin(OnairProcess onair) {
    return new PolicyClients(onair, Clients.admin());
  }

  static PolicyClients of(OnairProcess onair, AccessKey key) {
    return new PolicyClients(onair, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
  }

  static PolicyClients of(OnairProcess onair, Credentials session) {
    return new PolicyClients(onair, AwsSessionCredentials.create(
        session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, OnairProcess onair, AwsCredentials credentials) {
    builder.endpointOverride(onair.endpoint())
        .region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD).retryPolicy(p -> p.numRetries(0)));
    if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClient(UrlConnectionHttpClient.create());
    }
    return builder;
  }

  /** Creates a user with one access key; the policies are the caller's business. */
  static AccessKey userWithKey(IamClient admin, String name) {
    admin.createUser(b -> b.userName(name));
    return admin.createAccessKey(b -> b.userName(name)).accessKey();
  }

  static String userArn(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
  }

  /** The call is refused with the protocol's code and AWS's exact message. */
  static void assertDenied(Runnable call, String code, String message) {
    AwsServiceException denied = catchThrowableOfType(AwsServiceException.class, call::run);
    assertThat(denied).as("expected %s", code).isNotNull();
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  /** As {@link #assertDenied(Runnable, String, String)}, for resources whose id the server chose (CreateChannel). */
  static void assertDeniedMatching(Runnable call, String code, String messagePattern) {
    AwsServiceException denied = catchThrowableOfType(AwsServiceException.class, call::run);
    assertThat(denied).as("expected %s", code).isNotNull();
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(denied.awsErrorDetails().errorMessage()).matches(messagePattern);
  }

  /** The call is refused for authorization, whatever the wording. */
  static AwsServiceException assertDenied(Runnable call) {
    AwsServiceException denied = catchThrowableOfType(AwsServiceException.class, call::run);
    assertThat(denied).as("expected an access denial").isNotNull();
    // awsJson services without a modelled status (Service Quotas) send their AccessDeniedException as 400
    assertThat(denied.statusCode()).isIn(400, 403);
    assertThat(denied.awsErrorDetails().errorCode()).startsWith("AccessDenied");
    return denied;
  }

  /**
   * The call got past authorization: it either succeeded or failed for a reason other than access (a stream
   * that is not live, a quota that does not exist), which is all a permission test can ask of it.
   */
  static void assertAuthorized(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).doesNotStartWith("AccessDenied");
      assertThat(e.statusCode()).as(e.getMessage()).isNotEqualTo(403);
    }
  }

  static String noIdentityPolicy(String principalArn, String action, String resource) {
    return "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource
        + " because no identity-based policy allows the " + action + " action";
  }

  @Override
  public void close() {
    iam.close();
    sts.close();
    ivs.close();
    s3.close();
    cloudWatch.close();
    quotas.close();
    analyzer.close();
  }
}
