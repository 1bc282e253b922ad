package dev.onair.it.ivs;

import dev.onair.it.OnairProcess;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;

/** IVS clients for a test server: the SDK, and signed raw requests for bodies the SDK would never send. */
final class IvsClients {
  static final Region REGION = Region.US_WEST_2;

  private IvsClients() {}

  static IvsClient ivs(OnairProcess onair, AwsCredentials credentials) {
    return IvsClient.builder()
        .endpointOverride(onair.endpoint())
        .region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD).retryPolicy(p -> p.numRetries(0)))
        .build();
  }

  /** POST /{operation} with a raw JSON body, signed for ivs in us-west-2 with the admin credentials. */
  static HttpResponse<String> post(OnairProcess onair, String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String host = "127.0.0.1:" + onair.httpPort();
    SigningRequest signed = new SigV4Signer().sign(
        SigningRequest.of("POST", "/" + operation, sha256(body), "Host", host, "Content-Type", "application/json"),
        new SigningCredentials(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY, null),
        REGION.id(), "ivs", Instant.now(), false);
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + "/" + operation))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> header : signed.headers()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    try {
      return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
