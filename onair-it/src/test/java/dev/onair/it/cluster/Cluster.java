package dev.onair.it.cluster;

import dev.onair.it.Clients;
import dev.onair.it.OnairProcess;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.testing.PostgresCluster;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * Several Onair processes on one PostgreSQL database: different ports and data directories, the same database
 * URL, master key, account id and admin keys, as {@code deploy/} runs them. Nodes start one after another: the
 * first creates the account and admin user, the others find them.
 */
final class Cluster implements AutoCloseable {
  private final List<OnairProcess> nodes = new ArrayList<>();
  private final String databaseUrl;
  private final String masterKey = SecretCipher.generateKeyBase64();

  private Cluster(String databaseUrl) {
    this.databaseUrl = databaseUrl;
  }

  static Cluster start(int size, String... extraFlags) {
    Cluster cluster = new Cluster(PostgresCluster.shared().createEmptyDatabase());
    try {
      for (int i = 0; i < size; i++) {
        cluster.addNode(extraFlags);
      }
    } catch (RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  OnairProcess addNode(String... extraFlags) {
    List<String> flags = new ArrayList<>(List.of("--database-url", databaseUrl, "--master-key", masterKey));
    flags.addAll(List.of(extraFlags));
    OnairProcess node = OnairProcess.start(flags.toArray(String[]::new));
    nodes.add(node);
    return node;
  }

  OnairProcess node(int index) {
    return nodes.get(index);
  }

  List<OnairProcess> nodes() {
    return List.copyOf(nodes);
  }

  String databaseUrl() {
    return databaseUrl;
  }

  String masterKey() {
    return masterKey;
  }

  String logs() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      text.append("---- node ").append(i).append(" ----\n").append(nodes.get(i).log()).append('\n');
    }
    return text.toString();
  }

  @Override
  public void close() {
    nodes.forEach(OnairProcess::close);
  }

  static IamClient iam(OnairProcess node) {
    return Clients.iam(node);
  }

  static IamClient iam(OnairProcess node, AwsCredentials credentials) {
    return Clients.iam(node, credentials);
  }

  static IvsClient ivs(OnairProcess node) {
    return ivs(node, Clients.admin());
  }

  static IvsClient ivs(OnairProcess node, AwsCredentials credentials) {
    return ivs(node, credentials, Region.US_WEST_2);
  }

  static IvsClient ivs(OnairProcess node, Region region) {
    return ivs(node, Clients.admin(), region);
  }

  static ServiceQuotasClient serviceQuotas(OnairProcess node, Region region) {
    return ServiceQuotasClient.builder()
        .endpointOverride(node.endpoint())
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static IvsClient ivs(OnairProcess node, AwsCredentials credentials, Region region) {
    return IvsClient.builder()
        .endpointOverride(node.endpoint())
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        // a retried create would hide which node won a race
        .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD).retryPolicy(p -> p.numRetries(0)))
        .build();
  }
}
