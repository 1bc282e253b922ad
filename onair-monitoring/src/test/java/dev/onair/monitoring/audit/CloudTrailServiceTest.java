package dev.onair.monitoring.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.monitoring.TestContexts;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CloudTrailServiceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final String CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/abcdEFGH1234";

  private final InMemoryAuditLog log = new InMemoryAuditLog(1000);
  private final CloudTrailService service = new CloudTrailService(log);

  @BeforeEach
  void record() {
    log.record(AuditEvent.of(TestContexts.alice(T0), "ivs:CreateChannel", List.of(CHANNEL), Decision.ALLOW, null, null));
    log.record(AuditEvent.of(TestContexts.alice(T0.plusSeconds(1)), "ivs:ListChannels", List.of("*"), Decision.ALLOW, null, null));
    log.record(
        AuditEvent.of(
            TestContexts.alice(T0.plusSeconds(2)), "ivs:DeleteChannel", List.of(CHANNEL), Decision.DENY,
            "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ivs:DeleteChannel on resource: "
                + CHANNEL + " because no identity-based policy allows the ivs:DeleteChannel action"));
  }

  private StructNode lookup(StructNode input) {
    CallContext context = TestContexts.alice(T0.plusSeconds(10));
    return ((OperationResult.Output) service.lookupEvents(context, input)).body();
  }

  private static StructNode attribute(String key, String value) {
    return StructNode.builder()
        .put("LookupAttributes", ListNode.of(StructNode.builder().put("AttributeKey", key).put("AttributeValue", value).build()))
        .build();
  }

  static Stream<Arguments> attributes() {
    return Stream.of(
        Arguments.of("EventName", "DeleteChannel", 1),
        Arguments.of("Username", "alice", 3),
        Arguments.of("AccessKeyId", "AKIAALICE", 3),
        Arguments.of("ResourceName", CHANNEL, 2),
        Arguments.of("ResourceName", "abcdEFGH1234", 2),
        Arguments.of("ResourceType", "AWS::IVS::Channel", 2),
        Arguments.of("ReadOnly", "true", 1),
        Arguments.of("EventSource", "ivs.amazonaws.com", 3),
        Arguments.of("EventName", "GetChannel", 0));
  }

  @ParameterizedTest
  @MethodSource("attributes")
  void lookupEvents_filtersByAttribute(String key, String value, int expected) {
    assertThat(lookup(attribute(key, value)).list("Events").size()).isEqualTo(expected);
  }

  @Test
  void lookupEvents_deniedCallCarriesPrincipalAndReason() throws Exception {
    StructNode event = (StructNode) lookup(attribute("EventName", "DeleteChannel")).list("Events").items().get(0);
    JsonNode record = new ObjectMapper().readTree(event.string("CloudTrailEvent"));
    assertThat(record.path("userIdentity").path("arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(record.path("userIdentity").path("type").asText()).isEqualTo("IAMUser");
    assertThat(record.path("errorCode").asText()).isEqualTo("AccessDeniedException");
    assertThat(record.path("errorMessage").asText()).contains("not authorized to perform: ivs:DeleteChannel");
    assertThat(record.path("sourceIPAddress").asText()).isEqualTo("192.0.2.1");
    assertThat(record.path("eventSource").asText()).isEqualTo("ivs.amazonaws.com");
    assertThat(record.path("resources").get(0).path("ARN").asText()).isEqualTo(CHANNEL);
    assertThat(event.string("ReadOnly")).isEqualTo("false");
  }

  @Test
  void lookupEvents_pagesNewestFirst() {
    StructNode first = lookup(StructNode.builder().put("MaxResults", 2).build());
    List<String> names = new java.util.ArrayList<>();
    first.list("Events").items().forEach(item -> names.add(((StructNode) item).string("EventName")));
    StructNode second = lookup(StructNode.builder().put("MaxResults", 2).put("NextToken", first.string("NextToken")).build());
    second.list("Events").items().forEach(item -> names.add(((StructNode) item).string("EventName")));
    assertThat(names).containsExactly("DeleteChannel", "ListChannels", "CreateChannel");
    assertThat(second.string("NextToken")).isNull();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(StructNode.builder().put("MaxResults", 51).build(), "InvalidMaxResultsException"),
        Arguments.of(StructNode.builder().put("StartTime", T0.plusSeconds(5)).put("EndTime", T0).build(), "InvalidTimeRangeException"),
        Arguments.of(StructNode.builder().put("NextToken", "???").build(), "InvalidNextTokenException"),
        Arguments.of(attribute("Color", "red"), "InvalidLookupAttributesException"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void lookupEvents_rejectsInvalidInput(StructNode input, String code) {
    assertThatThrownBy(() -> lookup(input))
        .isInstanceOf(AwsServiceException.class)
        .extracting(e -> ((AwsServiceException) e).errorCode().code())
        .isEqualTo(code);
  }
}
