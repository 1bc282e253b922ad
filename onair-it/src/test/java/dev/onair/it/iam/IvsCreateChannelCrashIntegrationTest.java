package dev.onair.it.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.ListChannelsResponse;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.StreamKeySummary;

/**
 * SIGKILL while eight clients create channels at once (so the store commits several creates together), then
 * restart on the same data directory: every channel whose CreateChannel was answered 200 must be there with the
 * stream key value the client was given. Lives beside {@link RestartableServer}, which the IAM crash test shares.
 *
 * <p>No SDK retries: an acknowledgement is exactly one answered request, never a second attempt whose first one
 * may also have written. A failure names every lost channel, when it was answered relative to the kill and what is
 * missing (channel, key, key value), and whether a channel of that unique name exists under another ARN.
 */
class IvsCreateChannelCrashIntegrationTest {
  private static final int WRITERS = 8;

  /** What the client was told: the channel's name (unique per request), its key value, and when the 200 arrived. */
  private record Ack(String name, String streamKey, Instant answeredAt) {}

  @Test
  void sigkillDuringConcurrentCreates_keepsEveryAcknowledgedChannelAndKey() throws Exception {
    Path dataDir = Files.createTempDirectory("onair-it-ivs-crash");
    Map<String, Ack> acknowledged = new ConcurrentHashMap<>(); // channel ARN -> what the client was told
    try (RestartableServer server = new RestartableServer(dataDir)) {
      server.start();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread = new Thread(() -> {
          try (IvsClient ivs = ivs(server)) {
            for (int i = 0; running.get(); i++) {
              String name = "crash-" + writer + "-" + i;
              CreateChannelResponse created = ivs.createChannel(b -> b.name(name));
              acknowledged.put(created.channel().arn(), new Ack(name, created.streamKey().value(), Instant.now()));
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
      Instant killedAt = Instant.now();
      server.kill();
      running.set(false);
      for (Thread thread : writers) {
        thread.join(30_000);
        assertThat(thread.isAlive()).as("writer still running 30 s after the kill").isFalse();
      }
      Map<String, Ack> written = Map.copyOf(acknowledged);
      server.start();
      List<String> lost = new ArrayList<>();
      int channelsAfterRestart;
      try (IvsClient ivs = ivs(server)) {
        Map<String, String> arnByName = allChannelsByName(ivs);
        channelsAfterRestart = arnByName.size();
        List<Map.Entry<String, Ack>> byAnswerTime = new ArrayList<>(written.entrySet());
        byAnswerTime.sort(Comparator.comparing(entry -> entry.getValue().answeredAt()));
        for (Map.Entry<String, Ack> entry : byAnswerTime) {
          String missing = missing(ivs, entry.getKey(), entry.getValue());
          if (missing != null) {
            String otherArn = arnByName.get(entry.getValue().name());
            lost.add(entry.getKey() + " (" + entry.getValue().name() + ", answered "
                + Duration.between(entry.getValue().answeredAt(), killedAt).toMillis() + " ms before the kill): "
                + missing + (otherArn == null || otherArn.equals(entry.getKey()) ? "" : "; its name is on " + otherArn));
          }
        }
      }
      System.out.println("crash test (CreateChannel, " + WRITERS + " clients, SIGKILL at " + killedAt
          + "): acknowledged=" + written.size() + " found=" + (written.size() - lost.size()) + " channelsAfterRestart="
          + channelsAfterRestart + (lost.isEmpty() ? "" : " lost=" + lost));
      assertThat(written).hasSizeGreaterThan(WRITERS);
      assertThat(lost)
          .as("acknowledged CreateChannel calls missing after SIGKILL at %s and restart (%d acknowledged; server log %s)",
              killedAt, written.size(), server.log)
          .isEmpty();
    }
  }

  /** @return what of an acknowledged create is missing after the restart, or null when all of it is there */
  private static String missing(IvsClient ivs, String arn, Ack ack) {
    try {
      ivs.getChannel(b -> b.arn(arn));
    } catch (ResourceNotFoundException e) {
      return "no channel";
    }
    List<StreamKeySummary> keys = ivs.listStreamKeys(b -> b.channelArn(arn)).streamKeys();
    if (keys.size() != 1) {
      return keys.size() + " stream keys";
    }
    String value = ivs.getStreamKey(b -> b.arn(keys.get(0).arn())).streamKey().value();
    return value.equals(ack.streamKey()) ? null : "stream key value differs";
  }

  /** Every channel after the restart, all pages: name (unique per create in this test) -> ARN. */
  private static Map<String, String> allChannelsByName(IvsClient ivs) {
    Map<String, String> byName = new HashMap<>();
    String token = null;
    do {
      String next = token;
      ListChannelsResponse page = ivs.listChannels(b -> b.maxResults(100).nextToken(next));
      for (ChannelSummary channel : page.channels()) {
        byName.put(channel.name(), channel.arn());
      }
      token = page.nextToken();
    } while (token != null);
    return byName;
  }

  private static IvsClient ivs(RestartableServer server) {
    return IvsClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_WEST_2)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
