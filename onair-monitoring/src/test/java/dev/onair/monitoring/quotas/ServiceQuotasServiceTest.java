package dev.onair.monitoring.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.monitoring.FixedClock;
import dev.onair.monitoring.InMemoryTags;
import dev.onair.monitoring.TestContexts;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceQuotasServiceTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final String CHANNELS = IvsQuotaCatalog.byKey("CHANNELS").orElseThrow().quotaCode();

  private final InMemoryQuotaRegistry registry = new InMemoryQuotaRegistry();
  private final InMemoryQuotaStore store = new InMemoryQuotaStore();
  private final CallContext context = TestContexts.alice(NOW);

  private ServiceDefinition service(QuotaApprovalPolicy policy) {
    return new ServiceQuotasService(registry, store, new InMemoryTags(), policy, new FixedClock(NOW)).definition();
  }

  private static StructNode call(ServiceDefinition service, String operation, StructNode input) {
    CallContext context = TestContexts.alice(NOW);
    OperationResult result = service.operation(operation).handler().handle(context, input);
    return ((OperationResult.Output) result).body();
  }

  private static StructNode quotaInput(String code) {
    return StructNode.builder().put("ServiceCode", "ivs").put("QuotaCode", code).build();
  }

  @Test
  void requestIncrease_approvedChangesTheRegistryAtOnce() {
    ServiceDefinition service = service(QuotaApprovalPolicy.APPROVE_ALL);
    StructNode request =
        call(service, "RequestServiceQuotaIncrease", quotaInput(CHANNELS).with("DesiredValue", NumberNode.of(3)))
            .struct("RequestedQuota");
    assertThat(request.string("Status")).isEqualTo("APPROVED");
    assertThat(request.string("Requester")).contains("user/alice");
    QuotaDefinition channels = IvsQuotaCatalog.byCode(CHANNELS).orElseThrow();
    assertThat(registry.value(channels, TestContexts.ACCOUNT, TestContexts.REGION)).isEqualTo(3);
    StructNode quota = call(service, "GetServiceQuota", quotaInput(CHANNELS)).struct("Quota");
    assertThat(quota.decimal("Value").doubleValue()).isEqualTo(3);
    StructNode fetched =
        call(service, "GetRequestedServiceQuotaChange", StructNode.builder().put("RequestId", request.string("Id")).build())
            .struct("RequestedQuota");
    assertThat(fetched.string("Status")).isEqualTo("APPROVED");
    assertThat(store.applied()).hasSize(1);
    // the default stays what AWS documents
    assertThat(call(service, "GetAWSDefaultServiceQuota", quotaInput(CHANNELS)).struct("Quota").decimal("Value").doubleValue())
        .isEqualTo(5000);
  }

  @Test
  void requestIncrease_aboveCeilingWaitsForTheOperator() {
    QuotaApprovalPolicy policy = new QuotaApprovalPolicy(10, Map.of());
    ServiceQuotasService quotas = new ServiceQuotasService(registry, store, new InMemoryTags(), policy, new FixedClock(NOW));
    ServiceDefinition service = quotas.definition();
    QuotaDefinition channels = IvsQuotaCatalog.byCode(CHANNELS).orElseThrow();
    StructNode request =
        call(service, "RequestServiceQuotaIncrease", quotaInput(CHANNELS).with("DesiredValue", NumberNode.of(20)))
            .struct("RequestedQuota");
    assertThat(request.string("Status")).isEqualTo("PENDING");
    assertThat(registry.value(channels, TestContexts.ACCOUNT, TestContexts.REGION)).isEqualTo(5000);
    assertThatThrownBy(
            () -> call(service, "RequestServiceQuotaIncrease", quotaInput(CHANNELS).with("DesiredValue", NumberNode.of(30))))
        .isInstanceOf(AwsServiceException.class)
        .extracting(e -> ((AwsServiceException) e).errorCode().code())
        .isEqualTo("ResourceAlreadyExistsException");
    quotas.decide(request.string("Id"), true);
    assertThat(registry.value(channels, TestContexts.ACCOUNT, TestContexts.REGION)).isEqualTo(20);
    StructNode history =
        call(service, "ListRequestedServiceQuotaChangeHistoryByQuota", quotaInput(CHANNELS));
    assertThat(history.list("RequestedQuotas").size()).isEqualTo(1);
  }

  @Test
  void restore_replaysPersistedValues() {
    service(QuotaApprovalPolicy.APPROVE_ALL);
    call(service(QuotaApprovalPolicy.APPROVE_ALL), "RequestServiceQuotaIncrease",
        quotaInput(CHANNELS).with("DesiredValue", NumberNode.of(7)));
    InMemoryQuotaRegistry fresh = new InMemoryQuotaRegistry();
    new ServiceQuotasService(fresh, store, new InMemoryTags(), QuotaApprovalPolicy.APPROVE_ALL, new FixedClock(NOW)).restore();
    assertThat(fresh.value(IvsQuotaCatalog.byCode(CHANNELS).orElseThrow(), TestContexts.ACCOUNT, TestContexts.REGION))
        .isEqualTo(7);
  }

  static Stream<Arguments> failures() {
    String streamKeys = IvsQuotaCatalog.byKey("STREAM_KEYS_PER_CHANNEL").orElseThrow().quotaCode();
    return Stream.of(
        Arguments.of("GetServiceQuota", StructNode.builder().put("ServiceCode", "s3").put("QuotaCode", CHANNELS).build(), "NoSuchResourceException"),
        Arguments.of("GetServiceQuota", quotaInput("L-00000000"), "NoSuchResourceException"),
        Arguments.of("GetServiceQuota", StructNode.builder().put("ServiceCode", "ivs").build(), "IllegalArgumentException"),
        Arguments.of("RequestServiceQuotaIncrease", quotaInput(streamKeys).with("DesiredValue", NumberNode.of(2)), "IllegalArgumentException"),
        Arguments.of("RequestServiceQuotaIncrease", quotaInput(CHANNELS), "IllegalArgumentException"),
        Arguments.of("ListServiceQuotas", StructNode.builder().put("ServiceCode", "ivs").put("NextToken", "garbage").build(), "InvalidPaginationTokenException"),
        Arguments.of("GetRequestedServiceQuotaChange", StructNode.builder().put("RequestId", "nope").build(), "NoSuchResourceException"),
        Arguments.of("ListTagsForResource", StructNode.builder().put("ResourceARN", "arn:aws:servicequotas:us-west-2:123456789012:ivs/L-00000000").build(), "NoSuchResourceException"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void operations_reportModelledErrors(String operation, StructNode input, String code) {
    ServiceDefinition service = service(QuotaApprovalPolicy.APPROVE_ALL);
    assertThatThrownBy(() -> call(service, operation, input))
        .isInstanceOf(AwsServiceException.class)
        .extracting(e -> ((AwsServiceException) e).errorCode().code())
        .isEqualTo(code);
  }

  @Test
  void listServiceQuotas_pagesAndShowsUsageMetrics() {
    ServiceDefinition service = service(QuotaApprovalPolicy.APPROVE_ALL);
    StructNode first =
        call(service, "ListServiceQuotas", StructNode.builder().put("ServiceCode", "ivs").put("MaxResults", 4).build());
    assertThat(first.list("Quotas").size()).isEqualTo(4);
    StructNode channels = (StructNode) first.list("Quotas").items().get(0);
    assertThat(channels.string("QuotaName")).isEqualTo("Channels");
    assertThat(channels.bool("Adjustable")).isTrue();
    assertThat(channels.struct("UsageMetric").string("MetricNamespace")).isEqualTo("AWS/Usage");
    int total = 4;
    String token = first.string("NextToken");
    while (token != null) {
      StructNode next =
          call(service, "ListServiceQuotas",
              StructNode.builder().put("ServiceCode", "ivs").put("MaxResults", 4).put("NextToken", token).build());
      total += next.list("Quotas").size();
      token = next.string("NextToken");
    }
    assertThat(total).isEqualTo(IvsQuotaCatalog.all().size());
    ListNode services = call(service, "ListServices", StructNode.EMPTY).list("Services");
    assertThat(((StructNode) services.items().get(0)).string("ServiceCode")).isEqualTo("ivs");
  }

  @Test
  void definition_authorizesQuotaArns() {
    ServiceDefinition service = service(QuotaApprovalPolicy.APPROVE_ALL);
    var checks = service.operation("GetServiceQuota").authorization().checks(context, quotaInput(CHANNELS));
    assertThat(checks.get(0).action()).isEqualTo("servicequotas:GetServiceQuota");
    assertThat(checks.get(0).resourceArn())
        .isEqualTo("arn:aws:servicequotas:us-west-2:123456789012:ivs/" + CHANNELS);
  }
}
