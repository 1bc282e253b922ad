package dev.onair.monitoring.cloudwatch.alarm;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.cloudwatch.MetricDataQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A metric alarm as PutMetricAlarm defines it and DescribeAlarms returns it: either a single metric (namespace,
 * name, dimensions, statistic, period) or metric math ({@code metrics} with one ReturnData entry), compared with
 * a threshold over the last {@code evaluationPeriods} periods.
 */
public record MetricAlarm(
    String name,
    String arn,
    String description,
    boolean actionsEnabled,
    List<String> okActions,
    List<String> alarmActions,
    List<String> insufficientDataActions,
    String namespace,
    String metricName,
    Map<String, String> dimensions,
    String statistic,
    String extendedStatistic,
    Integer period,
    String unit,
    int evaluationPeriods,
    Integer datapointsToAlarm,
    Double threshold,
    String comparisonOperator,
    String treatMissingData,
    String evaluateLowSampleCountPercentile,
    List<MetricDataQuery> metrics,
    String thresholdMetricId,
    AlarmState stateValue,
    String stateReason,
    String stateReasonData,
    Instant stateUpdated,
    Instant stateTransitioned,
    Instant configurationUpdated) {

  public MetricAlarm {
    requireNonNull(name, "name is null");
    requireNonNull(arn, "arn is null");
    okActions = List.copyOf(okActions);
    alarmActions = List.copyOf(alarmActions);
    insufficientDataActions = List.copyOf(insufficientDataActions);
    dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    requireNonNull(stateValue, "stateValue is null");
    requireNonNull(comparisonOperator, "comparisonOperator is null");
  }

  /** The number of breaching periods needed for ALARM (DatapointsToAlarm, default EvaluationPeriods). */
  public int datapointsNeeded() {
    return datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
  }

  public String missingDataTreatment() {
    return treatMissingData == null ? "missing" : treatMissingData;
  }

  public boolean usesMetricMath() {
    return !metrics.isEmpty();
  }

  public MetricAlarm withState(AlarmState state, String reason, String reasonData, Instant now) {
    Instant transitioned = state == stateValue ? stateTransitioned : now;
    return new MetricAlarm(
        name, arn, description, actionsEnabled, okActions, alarmActions, insufficientDataActions, namespace,
        metricName, dimensions, statistic, extendedStatistic, period, unit, evaluationPeriods, datapointsToAlarm,
        threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile, metrics,
        thresholdMetricId, state, reason, reasonData, now, transitioned, configurationUpdated);
  }

  public MetricAlarm withActionsEnabled(boolean enabled, Instant now) {
    return new MetricAlarm(
        name, arn, description, enabled, okActions, alarmActions, insufficientDataActions, namespace,
        metricName, dimensions, statistic, extendedStatistic, period, unit, evaluationPeriods, datapointsToAlarm,
        threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile, metrics,
        thresholdMetricId, stateValue, stateReason, stateReasonData, stateUpdated, stateTransitioned, now);
  }

  /** A replaced definition keeps the current state, as PutMetricAlarm on an existing alarm does. */
  public MetricAlarm keepingStateOf(MetricAlarm previous) {
    return new MetricAlarm(
        name, arn, description, actionsEnabled, okActions, alarmActions, insufficientDataActions, namespace,
        metricName, dimensions, statistic, extendedStatistic, period, unit, evaluationPeriods, datapointsToAlarm,
        threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile, metrics,
        thresholdMetricId, previous.stateValue, previous.stateReason, previous.stateReasonData,
        previous.stateUpdated, previous.stateTransitioned, configurationUpdated);
  }
}
