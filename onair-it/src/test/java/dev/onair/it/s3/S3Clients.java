package dev.onair.it.s3;

import dev.onair.it.Clients;
import dev.onair.it.OnairProcess;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** S3 clients for a test server: path style, because {@code <bucket>.127.0.0.1} cannot be addressed. */
final class S3Clients {
  private S3Clients() {}

  static S3Client s3(OnairProcess onair, AwsCredentials credentials, Region region) {
    return S3Client.builder()
        .endpointOverride(onair.endpoint())
        .forcePathStyle(true)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static S3Client s3(OnairProcess onair) {
    return s3(onair, Clients.admin(), Region.US_EAST_1);
  }

  static S3Presigner presigner(OnairProcess onair) {
    return S3Presigner.builder()
        .endpointOverride(onair.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }
}
