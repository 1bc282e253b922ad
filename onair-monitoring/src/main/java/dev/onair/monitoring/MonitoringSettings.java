package dev.onair.monitoring;

import dev.onair.monitoring.quotas.QuotaApprovalPolicy;
import java.time.Duration;

/**
 * Operator settings for monitoring.
 *
 * @param maxMetricSeries distinct metric series kept (data plane and PutMetricData together); bounds the store
 * @param maxAlarms PutMetricAlarm answers LimitExceeded beyond this
 * @param maxPendingMetricPoints data-plane (series, tier, bucket) slots held in memory before observations of
 *     series not already held are dropped (a live channel holds about 36: 12 series, three tiers)
 * @param alarmEvaluationInterval how often alarms are evaluated
 * @param auditRetention how long the audit trail keeps events (CloudTrail event history: 90 days)
 */
public record MonitoringSettings(
    long maxMetricSeries,
    long maxAlarms,
    int maxPendingMetricPoints,
    Duration alarmEvaluationInterval,
    Duration auditRetention,
    QuotaApprovalPolicy quotaApproval) {

  public static MonitoringSettings defaults() {
    return new MonitoringSettings(
        50_000, 5_000, 100_000, Duration.ofSeconds(10), Duration.ofDays(90), QuotaApprovalPolicy.APPROVE_ALL);
  }

  public MonitoringSettings withQuotaApproval(QuotaApprovalPolicy policy) {
    return new MonitoringSettings(
        maxMetricSeries, maxAlarms, maxPendingMetricPoints, alarmEvaluationInterval, auditRetention, policy);
  }

  public MonitoringSettings withAlarmEvaluationInterval(Duration interval) {
    return new MonitoringSettings(
        maxMetricSeries, maxAlarms, maxPendingMetricPoints, interval, auditRetention, quotaApproval);
  }
}
