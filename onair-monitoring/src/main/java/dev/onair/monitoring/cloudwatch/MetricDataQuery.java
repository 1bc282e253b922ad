package dev.onair.monitoring.cloudwatch;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.metrics.MetricKey;

/**
 * One entry of GetMetricData's MetricDataQueries (or of an alarm's Metrics): either a metric with a statistic or
 * an expression over other entries.
 *
 * @param metric null for an expression
 * @param period seconds; for expressions, the grid used by FILL (null: the smallest MetricStat period)
 */
public record MetricDataQuery(
    String id,
    MetricKey metric,
    Integer period,
    String stat,
    String unit,
    String expression,
    String label,
    boolean returnData) {
  public MetricDataQuery {
    requireNonNull(id, "id is null");
  }

  public boolean isExpression() {
    return expression != null;
  }

  public String labelOrDefault() {
    if (label != null) {
      return label;
    }
    return metric != null ? metric.metricName() : id;
  }
}
