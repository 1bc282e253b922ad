package dev.onair.monitoring.quotas;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One quota as Service Quotas describes it.
 *
 * @param key the enforcing service's own name for the limit (for IVS, the {@code dev.onair.ivs.IvsQuota}
 *     constant), which the composition root's bridge uses to find it
 * @param unit Service Quotas' Unit, {@code None} for counts
 * @param usageMetric CloudWatch metric that shows usage against the quota; null when there is none
 */
public record QuotaDefinition(
    String serviceCode,
    String quotaCode,
    String key,
    String name,
    double defaultValue,
    String unit,
    boolean adjustable,
    String description,
    UsageMetric usageMetric) {

  public QuotaDefinition {
    requireNonNull(serviceCode, "serviceCode is null");
    requireNonNull(quotaCode, "quotaCode is null");
    requireNonNull(key, "key is null");
    requireNonNull(name, "name is null");
    requireNonNull(unit, "unit is null");
  }

  /** Service Quotas' MetricInfo. */
  public record UsageMetric(String namespace, String metricName, Map<String, String> dimensions, String statistic) {
    public UsageMetric {
      dimensions = Map.copyOf(dimensions);
    }
  }
}
