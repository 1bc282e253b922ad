package dev.onair.it.iam;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** SDK clients for an endpoint, without retries so that each error is seen as the server sent it. */
final class IamClients {
  private IamClients() {}

  static AwsCredentials basic(String keyId, String secret) {
    return AwsBasicCredentials.create(keyId, secret);
  }

  static AwsCredentials session(Credentials credentials) {
    return AwsSessionCredentials.create(
        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
  }

  static IamClient iam(URI endpoint, AwsCredentials credentials) {
    return IamClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_WEST_2)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  static StsClient sts(URI endpoint, AwsCredentials credentials) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }
}
