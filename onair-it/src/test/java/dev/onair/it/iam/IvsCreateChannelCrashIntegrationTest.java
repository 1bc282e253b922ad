package dev.onair.it.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;

/**
 * SIGKILL while eight clients create channels at once (so the store commits several creates together), then
 * restart on the same data directory: every channel whose CreateChannel was answered 200 must be there with the
 * stream key value the client was given. Lives beside {@link RestartableServer}, which the IAM crash test shares.
 */
class IvsCreateChannelCrashIntegrationTest {
  private static final int WRITERS = 8;

  @Test
  void sigkillDuringConcurrentCreates_keepsEveryAcknowledgedChannelAndKey() throws Exception {
    Path dataDir = Files.createTempDirectory("onair-it-ivs-crash");
    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // channel ARN -> stream key value
    try (RestartableServer server = new RestartableServer(dataDir)) {
      server.start();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread = new Thread(() -> {
          try (IvsClient ivs = ivs(server)) {
            for (int i = 0; running.get(); i++) {
              int n = i;
              CreateChannelResponse created = ivs.createChannel(b -> b.name("crash-" + writer + "-" + n));
              acknowledged.put(created.channel().arn(), created.streamKey().value());
            }
          } catch (RuntimeException killed) {
            // The server died under us: whatever was acknowledged before this is what counts.
          }
        });
        thread.start();
        writers.add(thread);
      }
      long deadline = System.currentTimeMillis() + 30_000;
      while (acknowledged.size() < 400 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      server.kill();
      running.set(false);
      for (Thread thread : writers) {
        thread.join(30_000);
      }
      Map<String, String> written = Map.copyOf(acknowledged);
      server.start();
      int found = 0;
      try (IvsClient ivs = ivs(server)) {
        for (Map.Entry<String, String> entry : written.entrySet()) {
          try {
            ivs.getChannel(b -> b.arn(entry.getKey()));
            String keyArn = ivs.listStreamKeys(b -> b.channelArn(entry.getKey())).streamKeys().get(0).arn();
            if (ivs.getStreamKey(b -> b.arn(keyArn)).streamKey().value().equals(entry.getValue())) {
              found++;
            }
          } catch (ResourceNotFoundException | IndexOutOfBoundsException missing) {
            // counted as lost
          }
        }
      }
      System.out.println("crash test (CreateChannel, " + WRITERS + " clients, SIGKILL): acknowledged="
          + written.size() + " found=" + found);
      assertThat(written).hasSizeGreaterThan(WRITERS);
      assertThat(found).isEqualTo(written.size());
    }
  }

  private static IvsClient ivs(RestartableServer server) {
    return IvsClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_WEST_2)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD).retryPolicy(p -> p.numRetries(0)))
        .build();
  }
}
