package dev.onair.it.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.ivs.model.BatchGetChannelResponse;

/**
 * IVS's creates and batch gets decide their resources inside the handler (the new channel's ARN exists only once
 * its id is drawn), so they declare no checks up front. Their calls must still reach the audit trail, allowed or
 * denied, like every call whose checks the front door makes: CloudTrail records CreateChannel.
 */
class HandlerChecksAuditIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  @Test
  void createChannel_andBatchGetChannel_allowedInTheHandler_areInTheAuditTrail() {
    try (PolicyClients admin = PolicyClients.admin(ONAIR.process()); CloudTrailClient trail = trail()) {
      String arn = admin.ivs.createChannel(b -> b.name("audited")).channel().arn();
      BatchGetChannelResponse batch = admin.ivs.batchGetChannel(b -> b.arns(arn));
      assertThat(batch.channels()).hasSize(1);

      Event created = onlyEventNaming(trail, "CreateChannel", arn);
      assertThat(created.username()).isEqualTo("admin");
      assertThat(created.cloudTrailEvent())
          .contains("\"eventSource\":\"ivs.amazonaws.com\"")
          .doesNotContain("\"errorCode\"");
      assertThat(onlyEventNaming(trail, "BatchGetChannel", arn).cloudTrailEvent()).doesNotContain("\"errorCode\"");
    }
  }

  @Test
  void createChannel_deniedInTheHandler_isAuditedAsDenied() {
    try (PolicyClients admin = PolicyClients.admin(ONAIR.process()); CloudTrailClient trail = trail()) {
      AccessKey key = PolicyClients.userWithKey(admin.iam, "no-ivs-create");
      try (PolicyClients user = PolicyClients.of(ONAIR.process(), key)) {
        PolicyClients.assertDenied(() -> user.ivs.createChannel(b -> b.name("refused")));
      }
      List<Event> denied = trail.lookupEvents(r -> r.lookupAttributes(a -> a
              .attributeKey(LookupAttributeKey.USERNAME).attributeValue("no-ivs-create")))
          .events();
      assertThat(denied).extracting(Event::eventName).containsExactly("CreateChannel");
      assertThat(denied.get(0).cloudTrailEvent()).contains("\"errorCode\":\"AccessDeniedException\"");
    }
  }

  private static Event onlyEventNaming(CloudTrailClient trail, String eventName, String resourceArn) {
    List<Event> events = trail.lookupEvents(r -> r.lookupAttributes(a -> a
            .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(eventName)))
        .events().stream()
        .filter(e -> e.resources().stream().anyMatch(resource -> resourceArn.equals(resource.resourceName())))
        .toList();
    assertThat(events).as(eventName + " events naming " + resourceArn).hasSize(1);
    return events.get(0);
  }

  private static CloudTrailClient trail() {
    return CloudTrailClient.builder()
        .endpointOverride(ONAIR.process().endpoint())
        .region(PolicyClients.REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
