package dev.onair.monitoring;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.audit.AuditLog;
import dev.onair.monitoring.audit.CloudTrailService;
import dev.onair.monitoring.cloudwatch.CloudWatchService;
import dev.onair.monitoring.cloudwatch.alarm.AlarmRepository;
import dev.onair.monitoring.metrics.BufferingMetricPublisher;
import dev.onair.monitoring.metrics.MetricIngest;
import dev.onair.monitoring.metrics.MetricMaintenance;
import dev.onair.monitoring.metrics.MetricPublisher;
import dev.onair.monitoring.metrics.MetricReader;
import dev.onair.monitoring.metrics.MetricStore;
import dev.onair.monitoring.prometheus.OperatorMetrics;
import dev.onair.monitoring.prometheus.PrometheusRegistry;
import dev.onair.monitoring.quotas.QuotaRegistry;
import dev.onair.monitoring.quotas.QuotaStore;
import dev.onair.monitoring.quotas.ServiceQuotasService;
import dev.onair.protocol.ServiceDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything this module offers, built from its ports: the three service definitions, the data plane's
 * publisher, the Prometheus registry, and the jobs to schedule. The composition root constructs one (see
 * WIRING.md) and needs nothing else from this module.
 */
public final class Monitoring {
  private final BufferingMetricPublisher publisher;
  private final CloudWatchService cloudWatch;
  private final ServiceQuotasService serviceQuotas;
  private final CloudTrailService cloudTrail;
  private final OperatorMetrics operatorMetrics;
  private final MetricMaintenance metricMaintenance;
  private final AlarmRepository alarms;
  private final AuditLog auditLog;
  private final Clock clock;
  private final MonitoringSettings settings;

  public Monitoring(
      MetricStore metricStore,
      AlarmRepository alarms,
      Tags tags,
      QuotaRegistry quotaRegistry,
      QuotaStore quotaStore,
      AuditLog auditLog,
      Clock clock,
      MonitoringSettings settings) {
    this.alarms = requireNonNull(alarms, "alarms is null");
    this.auditLog = requireNonNull(auditLog, "auditLog is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.settings = requireNonNull(settings, "settings is null");
    MetricIngest ingest = new MetricIngest(metricStore, clock, settings.maxMetricSeries());
    this.publisher = new BufferingMetricPublisher(ingest, settings.maxPendingMetricPoints());
    // readers on this node also see the data plane's buckets that are still in memory
    MetricReader reader = new MetricReader(publisher.visibleThrough(metricStore), clock);
    this.cloudWatch = new CloudWatchService(ingest, reader, alarms, tags, clock, settings.maxAlarms());
    this.serviceQuotas =
        new ServiceQuotasService(quotaRegistry, quotaStore, tags, settings.quotaApproval(), clock);
    this.cloudTrail = new CloudTrailService(auditLog);
    this.metricMaintenance = new MetricMaintenance(metricStore, clock);
    this.operatorMetrics = new OperatorMetrics(new PrometheusRegistry());
    operatorMetrics
        .registry()
        .gauge("onair_metric_series", "CloudWatch metric series stored.", () -> (double) metricStore.seriesCount());
    operatorMetrics
        .registry()
        .gauge(
            "onair_metric_points_dropped", "Data-plane metric observations dropped.",
            () -> (double) publisher.droppedCount());
    operatorMetrics
        .registry()
        .gauge(
            "onair_metric_buckets_pending", "Data-plane metric buckets held in memory, not yet written.",
            () -> (double) publisher.pendingCount());
  }

  /** CloudWatch, Service Quotas and CloudTrail, for the front door's service table. */
  public List<ServiceDefinition> serviceDefinitions() {
    return List.of(cloudWatch.definition(), serviceQuotas.definition(), cloudTrail.definition());
  }

  /** What the data plane (onair-media, onair-ivs) records AWS/IVS metrics through. */
  public MetricPublisher metricPublisher() {
    return publisher;
  }

  public AuditLog auditLog() {
    return auditLog;
  }

  public OperatorMetrics operatorMetrics() {
    return operatorMetrics;
  }

  public PrometheusRegistry prometheus() {
    return operatorMetrics.registry();
  }

  public ServiceQuotasService serviceQuotas() {
    return serviceQuotas;
  }

  /**
   * Writes the data plane's metric buckets still held in memory, open ones included. The composition root calls
   * it once at an orderly stop, after the data plane and the scheduled jobs have stopped and before the database
   * closes.
   */
  public void flushPendingMetrics() {
    publisher.flushAll();
  }

  /** Replays approved quota values into the registry; call once at start-up, after IVS is constructed. */
  public void start() {
    serviceQuotas.restore();
  }

  /**
   * How often a node re-reads the persisted Service Quotas values into its registry, so that a value approved on
   * another node is enforced here within this interval plus one read of the store (ARCHITECTURE.md "Scale-out").
   */
  public static final Duration QUOTA_REFRESH_INTERVAL = Duration.ofMillis(500);

  /**
   * A job and how often to run it; the composition root schedules each with fixed delay. A job with {@code
   * ownThread} runs on a thread of its own, so a slow job (alarm evaluation, retention) cannot delay it past its
   * bound.
   */
  public record Job(String name, Runnable task, Duration interval, boolean ownThread) {
    public Job(String name, Runnable task, Duration interval) {
      this(name, task, interval, false);
    }
  }

  public List<Job> jobs() {
    return List.of(
        new Job("metric-flush", publisher::flush, Duration.ofSeconds(1)),
        new Job("quota-refresh", serviceQuotas::refresh, QUOTA_REFRESH_INTERVAL, true),
        new Job("alarm-evaluation", cloudWatch.alarmEvaluator(), settings.alarmEvaluationInterval()),
        new Job("metric-retention", metricMaintenance, Duration.ofMinutes(1)),
        new Job(
            "audit-and-history-retention",
            () -> {
              auditLog.expire(clock.instant().minus(settings.auditRetention()));
              alarms.expireHistory(clock.instant().minus(Duration.ofDays(30)));
            },
            Duration.ofHours(1)));
  }
}
