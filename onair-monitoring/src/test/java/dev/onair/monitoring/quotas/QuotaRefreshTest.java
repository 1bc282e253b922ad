package dev.onair.monitoring.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.monitoring.FixedClock;
import dev.onair.monitoring.InMemoryTags;
import dev.onair.monitoring.Monitoring;
import dev.onair.monitoring.MonitoringSettings;
import dev.onair.monitoring.audit.InMemoryAuditLog;
import dev.onair.monitoring.cloudwatch.alarm.InMemoryAlarmRepository;
import dev.onair.monitoring.metrics.InMemoryMetricStore;
import dev.onair.monitoring.TestContexts;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes over one quota store: a value approved on node A is enforced on node A at once and on node B after
 * B's next {@code refresh()} (the {@code quota-refresh} job), never before it is approved.
 */
class QuotaRefreshTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final QuotaDefinition CHANNELS = IvsQuotaCatalog.byKey("CHANNELS").orElseThrow();

  private final InMemoryQuotaStore store = new InMemoryQuotaStore();
  private final InMemoryQuotaRegistry registryA = new InMemoryQuotaRegistry();
  private final InMemoryQuotaRegistry registryB = new InMemoryQuotaRegistry();

  private ServiceQuotasService node(InMemoryQuotaRegistry registry, QuotaApprovalPolicy policy) {
    return new ServiceQuotasService(registry, store, new InMemoryTags(), policy, new FixedClock(NOW));
  }

  private static StructNode requestIncrease(ServiceDefinition service, double desired) {
    CallContext context = TestContexts.alice(NOW);
    StructNode input =
        StructNode.builder()
            .put("ServiceCode", "ivs")
            .put("QuotaCode", CHANNELS.quotaCode())
            .build()
            .with("DesiredValue", NumberNode.of(desired));
    OperationResult result =
        service.operation("RequestServiceQuotaIncrease").handler().handle(context, input);
    return ((OperationResult.Output) result).body().struct("RequestedQuota");
  }

  private double valueOn(InMemoryQuotaRegistry registry) {
    return registry.value(CHANNELS, TestContexts.ACCOUNT, TestContexts.REGION);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // name, approval ceiling, desired value, operator approves later, B before refresh, B after refresh
        Arguments.of("auto-approved", 100_000d, 7000d, false, 5000d, 7000d),
        Arguments.of("pending, not yet decided", 10d, 8000d, false, 5000d, 5000d),
        Arguments.of("pending, then approved by the operator on A", 10d, 9000d, true, 5000d, 9000d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valueApprovedOnAReachesBOnItsNextRefresh(
      String name, double ceiling, double desired, boolean operatorApproves, double beforeRefresh,
      double afterRefresh) {
    QuotaApprovalPolicy policy = new QuotaApprovalPolicy(ceiling, Map.of());
    ServiceQuotasService nodeA = node(registryA, policy);
    ServiceQuotasService nodeB = node(registryB, policy);
    nodeB.restore();

    StructNode request = requestIncrease(nodeA.definition(), desired);
    if (operatorApproves) {
      nodeA.decide(request.string("Id"), true);
    }
    // the approving node enforces the value at once
    assertThat(valueOn(registryA)).isEqualTo(afterRefresh);
    assertThat(valueOn(registryB)).isEqualTo(beforeRefresh);

    nodeB.refresh();
    assertThat(valueOn(registryB)).isEqualTo(afterRefresh);
    // a refresh on A keeps A's own value
    nodeA.refresh();
    assertThat(valueOn(registryA)).isEqualTo(afterRefresh);
  }

  @Test
  void aLaterRaiseOnBReachesA() {
    QuotaApprovalPolicy policy = new QuotaApprovalPolicy(100_000, Map.of());
    ServiceQuotasService nodeA = node(registryA, policy);
    ServiceQuotasService nodeB = node(registryB, policy);
    requestIncrease(nodeA.definition(), 6000);
    nodeB.refresh();
    requestIncrease(nodeB.definition(), 6500);
    assertThat(valueOn(registryA)).isEqualTo(6000);
    nodeA.refresh();
    assertThat(valueOn(registryA)).isEqualTo(6500);
    assertThat(valueOn(registryB)).isEqualTo(6500);
  }

  @Test
  void monitoringSchedulesTheRefreshWithinTheBoundOnItsOwnThread() {
    Monitoring monitoring =
        new Monitoring(
            new InMemoryMetricStore(), new InMemoryAlarmRepository(), new InMemoryTags(), registryB, store,
            new InMemoryAuditLog(100), new FixedClock(NOW), MonitoringSettings.defaults());
    Monitoring.Job job =
        monitoring.jobs().stream().filter(candidate -> candidate.name().equals("quota-refresh")).findFirst()
            .orElseThrow();
    assertThat(job.interval()).isLessThanOrEqualTo(Duration.ofMillis(500));
    assertThat(job.ownThread()).isTrue();

    requestIncrease(node(registryA, QuotaApprovalPolicy.APPROVE_ALL).definition(), 7500);
    assertThat(valueOn(registryB)).isEqualTo(5000);
    job.task().run();
    assertThat(valueOn(registryB)).isEqualTo(7500);
  }
}
