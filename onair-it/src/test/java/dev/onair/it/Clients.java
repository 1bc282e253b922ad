package dev.onair.it;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** AWS SDK clients pointed at a test server, signing with the given static credentials. */
public final class Clients {
  private Clients() {}

  public static AwsCredentials admin() {
    return AwsBasicCredentials.create(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY);
  }

  public static IamClient iam(OnairProcess onair, AwsCredentials credentials) {
    return IamClient.builder()
        .endpointOverride(onair.endpoint())
        // IAM is global; with a custom endpoint the SDK signs with the client's own region, which must work
        .region(Region.US_WEST_2)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public static IamClient iam(OnairProcess onair) {
    return iam(onair, admin());
  }

  public static StsClient sts(OnairProcess onair, AwsCredentials credentials) {
    return StsClient.builder()
        .endpointOverride(onair.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
