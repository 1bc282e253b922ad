package dev.onair.it.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairProcess;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The audit writer waits between batches (200 ms), so right after a burst of calls most of their events are still
 * queued: an orderly stop (SIGTERM) must write them, and after a restart LookupEvents must list every call.
 */
class AuditTrailStopIntegrationTest {
  private static final int CALLS = 300;

  @TempDir Path dataDir;

  @Test
  void sigtermRightAfterCalls_everyCallIsInTheTrailAfterRestart() {
    Set<String> requestIds = new HashSet<>();
    OnairProcess first = OnairProcess.startOn(dataDir);
    try (IamClient iam = Clients.iam(first)) {
      for (int i = 0; i < CALLS; i++) {
        requestIds.add(iam.getUser().responseMetadata().requestId());
      }
    } finally {
      // the JVM reports 143 (128 + SIGTERM) when the shutdown hook completes
      assertThat(first.stop()).as("exit status after SIGTERM").isIn(0, 143);
    }
    assertThat(requestIds).hasSize(CALLS);

    OnairProcess second = OnairProcess.startOn(dataDir);
    try (CloudTrailClient trail =
        CloudTrailClient.builder()
            .endpointOverride(second.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      List<Event> events =
          trail
              .lookupEventsPaginator(
                  request ->
                      request.lookupAttributes(
                          a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("GetUser")))
              .events()
              .stream()
              .toList();
      Set<String> logged = new HashSet<>();
      for (Event event : events) {
        String json = event.cloudTrailEvent();
        for (String requestId : requestIds) {
          if (json.contains("\"requestID\":\"" + requestId + "\"")) {
            logged.add(requestId);
          }
        }
      }
      assertThat(events).hasSize(CALLS);
      assertThat(logged).containsExactlyInAnyOrderElementsOf(requestIds);
    } finally {
      second.close();
    }
  }
}
