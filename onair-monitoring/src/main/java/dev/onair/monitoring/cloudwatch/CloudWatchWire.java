package dev.onair.monitoring.cloudwatch;

import static dev.onair.monitoring.cloudwatch.CloudWatchErrorCode.INVALID_PARAMETER_VALUE;
import static dev.onair.monitoring.cloudwatch.CloudWatchErrorCode.MISSING_PARAMETER;

import dev.onair.monitoring.InputReader;
import dev.onair.monitoring.cloudwatch.alarm.MetricAlarm;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** CloudWatch shapes to and from the protocol tree, with the model's constraints. */
final class CloudWatchWire {
  static final InputReader INPUT = new InputReader(MISSING_PARAMETER, INVALID_PARAMETER_VALUE);

  static final Set<String> UNITS =
      Set.of(
          "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
          "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
          "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
          "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

  private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
  private static final int MAX_DIMENSIONS = 30;

  private CloudWatchWire() {}

  static AwsServiceException invalid(String message) {
    return new AwsServiceException(INVALID_PARAMETER_VALUE, message);
  }

  static String unit(StructNode input, String member) {
    String unit = INPUT.string(input, member);
    if (unit != null && !UNITS.contains(unit)) {
      throw invalid("The parameter " + member + " must be a value in the set " + UNITS + ".");
    }
    return unit;
  }

  static Map<String, String> dimensions(StructNode input, String member) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (StructNode item : INPUT.structs(input, member)) {
      String name = item.string("Name");
      String value = item.string("Value");
      if (name == null || name.isEmpty()) {
        throw INPUT.missing(member + ".Name");
      }
      if (value == null) {
        throw INPUT.missing(member + ".Value");
      }
      if (name.length() > 255 || value.length() > 1024) {
        throw invalid("The dimension " + name + " is too long.");
      }
      dimensions.put(name, value);
    }
    if (dimensions.size() > MAX_DIMENSIONS) {
      throw invalid("The collection " + member + " must not have a size greater than " + MAX_DIMENSIONS + ".");
    }
    return dimensions;
  }

  /** ListMetrics filters: a Name with an optional Value (null matches any value). */
  static Map<String, String> dimensionFilters(StructNode input, String member) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (StructNode item : INPUT.structs(input, member)) {
      String name = item.string("Name");
      if (name == null || name.isEmpty()) {
        throw INPUT.missing(member + ".Name");
      }
      filters.put(name, item.string("Value"));
    }
    return filters;
  }

  static ListNode dimensionsNode(Map<String, String> dimensions) {
    List<Node> items = new ArrayList<>();
    dimensions.forEach(
        (name, value) -> items.add(StructNode.builder().put("Name", name).put("Value", value).build()));
    return new ListNode(items);
  }

  static StructNode metricNode(MetricKey key) {
    return StructNode.builder()
        .put("Namespace", key.namespace())
        .put("MetricName", key.metricName())
        .put("Dimensions", dimensionsNode(key.dimensions()))
        .build();
  }

  static MetricKey metric(StructNode metric, String member) {
    if (metric == null) {
      throw INPUT.missing(member);
    }
    return MetricKey.of(
        INPUT.requiredString(metric, "Namespace"),
        INPUT.requiredString(metric, "MetricName"),
        dimensions(metric, "Dimensions"));
  }

  /** Periods CloudWatch accepts: 1, 5, 10, 20, 30 (high resolution) or any multiple of 60. */
  static void checkPeriod(Integer period, String member) {
    if (period == null) {
      return;
    }
    boolean highResolution = period == 1 || period == 5 || period == 10 || period == 20 || period == 30;
    if (period <= 0 || (!highResolution && period % 60 != 0)) {
      throw invalid(
          "The parameter " + member + " must be 1, 5, 10, 20, 30, or a multiple of 60.");
    }
  }

  static List<MetricDataQuery> queries(StructNode input, String member) {
    List<StructNode> items = INPUT.structs(input, member);
    if (items.isEmpty()) {
      throw INPUT.missing(member);
    }
    if (items.size() > 500) {
      throw invalid("The collection " + member + " must not have a size greater than 500.");
    }
    List<MetricDataQuery> queries = new ArrayList<>();
    for (StructNode item : items) {
      String id = INPUT.requiredString(item, "Id");
      if (!QUERY_ID.matcher(id).matches() || id.length() > 255) {
        throw invalid(
            "The value " + id + " for parameter " + member + ".Id is invalid: it must start with a lowercase"
                + " letter and contain only letters, digits and underscores.");
      }
      StructNode stat = INPUT.struct(item, "MetricStat");
      String expression = INPUT.string(item, "Expression");
      if ((stat == null) == (expression == null)) {
        throw new AwsServiceException(
            CloudWatchErrorCode.INVALID_PARAMETER_COMBINATION,
            "Exactly one of MetricStat and Expression must be set for query " + id + ".");
      }
      Boolean returnData = INPUT.bool(item, "ReturnData");
      String label = INPUT.string(item, "Label");
      if (stat != null) {
        Integer period = INPUT.integer(stat, "Period");
        if (period == null) {
          throw INPUT.missing(member + ".MetricStat.Period");
        }
        checkPeriod(period, "MetricStat.Period");
        String statistic = INPUT.requiredString(stat, "Stat");
        try {
          dev.onair.monitoring.metrics.Statistic.parse(statistic);
        } catch (IllegalArgumentException e) {
          throw invalid("The value " + statistic + " for parameter MetricStat.Stat is invalid.");
        }
        queries.add(
            new MetricDataQuery(
                id,
                metric(INPUT.struct(stat, "Metric"), "MetricStat.Metric"),
                period,
                statistic,
                unit(stat, "Unit"),
                null,
                label,
                returnData == null || returnData));
      } else {
        Integer period = INPUT.integer(item, "Period");
        checkPeriod(period, "Period");
        queries.add(
            new MetricDataQuery(id, null, period, null, null, expression, label, returnData == null || returnData));
      }
    }
    return queries;
  }

  static StructNode queryNode(MetricDataQuery query) {
    StructNode.Builder node = StructNode.builder().put("Id", query.id());
    if (query.metric() != null) {
      node.put(
          "MetricStat",
          StructNode.builder()
              .put("Metric", metricNode(query.metric()))
              .put("Period", query.period())
              .put("Stat", query.stat())
              .put("Unit", query.unit())
              .build());
    } else {
      node.put("Expression", query.expression()).put("Period", query.period());
    }
    return node.put("Label", query.label()).put("ReturnData", query.returnData()).build();
  }

  static StructNode alarmNode(MetricAlarm alarm) {
    StructNode.Builder node =
        StructNode.builder()
            .put("AlarmName", alarm.name())
            .put("AlarmArn", alarm.arn())
            .put("AlarmDescription", alarm.description())
            .put("AlarmConfigurationUpdatedTimestamp", alarm.configurationUpdated())
            .put("ActionsEnabled", alarm.actionsEnabled())
            .put("OKActions", ListNode.ofStrings(alarm.okActions()))
            .put("AlarmActions", ListNode.ofStrings(alarm.alarmActions()))
            .put("InsufficientDataActions", ListNode.ofStrings(alarm.insufficientDataActions()))
            .put("StateValue", alarm.stateValue().name())
            .put("StateReason", alarm.stateReason())
            .put("StateReasonData", alarm.stateReasonData())
            .put("StateUpdatedTimestamp", alarm.stateUpdated())
            .put("MetricName", alarm.metricName())
            .put("Namespace", alarm.namespace())
            .put("Statistic", alarm.statistic())
            .put("ExtendedStatistic", alarm.extendedStatistic());
    if (!alarm.usesMetricMath()) {
      node.put("Dimensions", dimensionsNode(alarm.dimensions()));
    }
    node.put("Period", alarm.period())
        .put("Unit", alarm.unit())
        .put("EvaluationPeriods", alarm.evaluationPeriods())
        .put("DatapointsToAlarm", alarm.datapointsToAlarm())
        .put("Threshold", alarm.threshold())
        .put("ComparisonOperator", alarm.comparisonOperator())
        .put("TreatMissingData", alarm.treatMissingData())
        .put("EvaluateLowSampleCountPercentile", alarm.evaluateLowSampleCountPercentile());
    if (alarm.usesMetricMath()) {
      node.put("Metrics", ListNode.map(alarm.metrics(), CloudWatchWire::queryNode));
    }
    return node.put("ThresholdMetricId", alarm.thresholdMetricId())
        .put("StateTransitionedTimestamp", alarm.stateTransitioned())
        .build();
  }

  static NumberNode number(double value) {
    return NumberNode.of(value);
  }
}
