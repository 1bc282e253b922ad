package dev.onair.monitoring.cloudwatch;

import static dev.onair.monitoring.cloudwatch.CloudWatchWire.INPUT;
import static dev.onair.monitoring.cloudwatch.CloudWatchWire.invalid;
import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.PageToken;
import dev.onair.monitoring.Tags;
import dev.onair.monitoring.cloudwatch.alarm.AlarmHistoryItem;
import dev.onair.monitoring.cloudwatch.alarm.AlarmRepository;
import dev.onair.monitoring.cloudwatch.alarm.AlarmState;
import dev.onair.monitoring.cloudwatch.alarm.AlarmTransitions;
import dev.onair.monitoring.cloudwatch.alarm.HistoryQuery;
import dev.onair.monitoring.cloudwatch.alarm.MetricAlarm;
import dev.onair.monitoring.metrics.Statistic;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The alarm operations: PutMetricAlarm, Describe*, DeleteAlarms, SetAlarmState, actions, history, tags. */
final class AlarmOperations {
  private static final Set<String> OPERATORS =
      Set.of(
          "GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold",
          "LessThanOrEqualToThreshold");
  private static final Set<String> MISSING_DATA = Set.of("breaching", "notBreaching", "ignore", "missing");
  private static final int DEFAULT_PAGE = 50;

  private final AlarmRepository alarms;
  private final AlarmTransitions transitions;
  private final Tags tags;
  private final Clock clock;
  private final long maxAlarms;

  AlarmOperations(AlarmRepository alarms, Tags tags, Clock clock, long maxAlarms) {
    this.alarms = requireNonNull(alarms, "alarms is null");
    this.transitions = new AlarmTransitions(alarms);
    this.tags = requireNonNull(tags, "tags is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.maxAlarms = maxAlarms;
  }

  static String alarmArn(CallContext context, String name) {
    return "arn:aws:cloudwatch:" + context.region() + ":" + context.accountId() + ":alarm:" + name;
  }

  OperationResult putMetricAlarm(CallContext context, StructNode input) {
    String name = INPUT.requiredString(input, "AlarmName");
    if (name.length() > 255) {
      throw invalid("The parameter AlarmName must be at most 255 characters.");
    }
    Integer evaluationPeriods = INPUT.integer(input, "EvaluationPeriods");
    if (evaluationPeriods == null) {
      throw INPUT.missing("EvaluationPeriods");
    }
    if (evaluationPeriods < 1) {
      throw invalid("The parameter EvaluationPeriods must be greater than or equal to 1.");
    }
    String operator = INPUT.string(input, "ComparisonOperator");
    if (operator == null) {
      throw INPUT.missing("ComparisonOperator");
    }
    if (!OPERATORS.contains(operator)) {
      throw invalid("The value " + operator + " for parameter ComparisonOperator is invalid.");
    }
    String missingData = INPUT.string(input, "TreatMissingData");
    if (missingData != null && !MISSING_DATA.contains(missingData)) {
      throw invalid("The value " + missingData + " for parameter TreatMissingData is invalid.");
    }
    Integer datapointsToAlarm = INPUT.integer(input, "DatapointsToAlarm");
    if (datapointsToAlarm != null && (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
      throw invalid("DatapointsToAlarm must be between 1 and EvaluationPeriods.");
    }
    Double threshold = INPUT.decimal(input, "Threshold");
    List<MetricDataQuery> metrics =
        INPUT.list(input, "Metrics").isEmpty() ? List.of() : CloudWatchWire.queries(input, "Metrics");
    String metricName = INPUT.string(input, "MetricName");
    String namespace = INPUT.string(input, "Namespace");
    String statistic = INPUT.string(input, "Statistic");
    String extended = INPUT.string(input, "ExtendedStatistic");
    Integer period = INPUT.integer(input, "Period");
    if (metrics.isEmpty()) {
      if (metricName == null || namespace == null) {
        throw new AwsServiceException(
            CloudWatchErrorCode.VALIDATION_ERROR, "Either MetricName and Namespace, or Metrics must be specified.");
      }
      if ((statistic == null) == (extended == null)) {
        throw new AwsServiceException(
            CloudWatchErrorCode.VALIDATION_ERROR, "Exactly one of Statistic or ExtendedStatistic must be specified.");
      }
      checkStatistic(statistic != null ? statistic : extended, statistic == null);
      if (period == null) {
        throw INPUT.missing("Period");
      }
      if (period != 10 && period != 30 && period % 60 != 0) {
        throw invalid("The parameter Period must be 10, 30 or a multiple of 60.");
      }
      if (threshold == null) {
        throw INPUT.missing("Threshold");
      }
    } else {
      long returned = metrics.stream().filter(MetricDataQuery::returnData).count();
      if (returned != 1 || metricName != null || namespace != null) {
        throw new AwsServiceException(
            CloudWatchErrorCode.VALIDATION_ERROR,
            "Metrics must have exactly one entry with ReturnData true, and MetricName/Namespace must be absent.");
      }
      if (threshold == null) {
        throw INPUT.missing("Threshold");
      }
    }
    Instant now = clock.instant();
    var existing = alarms.find(name);
    if (existing.isEmpty() && alarms.count() >= maxAlarms) {
      throw new AwsServiceException(
          CloudWatchErrorCode.LIMIT_EXCEEDED, "The maximum number of alarms (" + maxAlarms + ") has been reached.");
    }
    Boolean actionsEnabled = INPUT.bool(input, "ActionsEnabled");
    MetricAlarm alarm =
        new MetricAlarm(
            name,
            alarmArn(context, name),
            INPUT.string(input, "AlarmDescription"),
            actionsEnabled == null || actionsEnabled,
            INPUT.strings(input, "OKActions"),
            INPUT.strings(input, "AlarmActions"),
            INPUT.strings(input, "InsufficientDataActions"),
            namespace,
            metricName,
            CloudWatchWire.dimensions(input, "Dimensions"),
            statistic,
            extended,
            period,
            CloudWatchWire.unit(input, "Unit"),
            evaluationPeriods,
            datapointsToAlarm,
            threshold,
            operator,
            missingData,
            INPUT.string(input, "EvaluateLowSampleCountPercentile"),
            metrics,
            INPUT.string(input, "ThresholdMetricId"),
            AlarmState.INSUFFICIENT_DATA,
            "Unchecked: Initial alarm creation",
            null,
            now,
            now,
            now);
    if (existing.isPresent()) {
      alarm = alarm.keepingStateOf(existing.get());
    }
    alarms.save(alarm);
    transitions.configurationChanged(alarm, existing.isEmpty(), now);
    Map<String, String> newTags = INPUT.keyValueList(input, "Tags", "Key", "Value");
    if (!newTags.isEmpty()) {
      tags.put(alarm.arn(), newTags);
    }
    return OperationResult.empty();
  }

  private static void checkStatistic(String name, boolean extended) {
    try {
      if (Statistic.parse(name).isExtended() == extended) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw invalid("The value " + name + " for parameter " + (extended ? "ExtendedStatistic" : "Statistic") + " is invalid.");
  }

  OperationResult describeAlarms(CallContext context, StructNode input) {
    List<String> names = INPUT.strings(input, "AlarmNames");
    String prefix = INPUT.string(input, "AlarmNamePrefix");
    String state = INPUT.string(input, "StateValue");
    String actionPrefix = INPUT.string(input, "ActionPrefix");
    List<String> types = INPUT.strings(input, "AlarmTypes");
    if (state != null) {
      checkState(state);
    }
    int limit = pageSize(INPUT.integer(input, "MaxRecords"));
    int offset = PageToken.decodeOffset("DescribeAlarms", INPUT.string(input, "NextToken"), AlarmOperations::invalidToken);
    List<MetricAlarm> matching = new ArrayList<>();
    boolean wantsMetricAlarms = types.isEmpty() || types.contains("MetricAlarm");
    for (MetricAlarm alarm : wantsMetricAlarms ? alarms.list() : List.<MetricAlarm>of()) {
      if ((names.isEmpty() || names.contains(alarm.name()))
          && (prefix == null || alarm.name().startsWith(prefix))
          && (state == null || alarm.stateValue().name().equals(state))
          && (actionPrefix == null || hasActionWithPrefix(alarm, actionPrefix))) {
        matching.add(alarm);
      }
    }
    int from = Math.min(offset, matching.size());
    int to = Math.min(from + limit, matching.size());
    StructNode.Builder output =
        StructNode.builder()
            .put("CompositeAlarms", new ListNode(List.of()))
            .put("MetricAlarms", ListNode.map(matching.subList(from, to), CloudWatchWire::alarmNode));
    if (to < matching.size()) {
      output.put("NextToken", PageToken.encode("DescribeAlarms", Integer.toString(to)));
    }
    return OperationResult.output(output.build());
  }

  private static boolean hasActionWithPrefix(MetricAlarm alarm, String prefix) {
    List<String> all = new ArrayList<>(alarm.alarmActions());
    all.addAll(alarm.okActions());
    all.addAll(alarm.insufficientDataActions());
    return all.stream().anyMatch(action -> action.startsWith(prefix));
  }

  OperationResult describeAlarmsForMetric(CallContext context, StructNode input) {
    String metricName = INPUT.requiredString(input, "MetricName");
    String namespace = INPUT.requiredString(input, "Namespace");
    String statistic = INPUT.string(input, "Statistic");
    String extended = INPUT.string(input, "ExtendedStatistic");
    Integer period = INPUT.integer(input, "Period");
    String unit = CloudWatchWire.unit(input, "Unit");
    Map<String, String> dimensions = CloudWatchWire.dimensions(input, "Dimensions");
    List<Node> found = new ArrayList<>();
    for (MetricAlarm alarm : alarms.list()) {
      if (metricName.equals(alarm.metricName())
          && namespace.equals(alarm.namespace())
          && (statistic == null || statistic.equals(alarm.statistic()))
          && (extended == null || extended.equals(alarm.extendedStatistic()))
          && (period == null || period.equals(alarm.period()))
          && (unit == null || unit.equals(alarm.unit()))
          && (dimensions.isEmpty() || dimensions.equals(alarm.dimensions()))) {
        found.add(CloudWatchWire.alarmNode(alarm));
      }
    }
    return OperationResult.output(StructNode.builder().put("MetricAlarms", new ListNode(found)).build());
  }

  OperationResult deleteAlarms(CallContext context, StructNode input) {
    List<String> names = INPUT.strings(input, "AlarmNames");
    if (names.size() > 100) {
      throw invalid("The collection AlarmNames must not have a size greater than 100.");
    }
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (alarms.find(name).isEmpty()) {
        missing.add(name);
      }
    }
    // CloudWatch deletes nothing when any name is unknown
    if (!missing.isEmpty()) {
      throw new AwsServiceException(
          CloudWatchErrorCode.RESOURCE_NOT_FOUND, "The following alarms were not found: " + missing);
    }
    for (String name : names) {
      alarms.delete(name);
      tags.removeAll(alarmArn(context, name));
    }
    return OperationResult.empty();
  }

  OperationResult setAlarmState(CallContext context, StructNode input) {
    String name = INPUT.requiredString(input, "AlarmName");
    String state = INPUT.requiredString(input, "StateValue");
    checkState(state);
    String reason = INPUT.requiredString(input, "StateReason");
    String reasonData = INPUT.string(input, "StateReasonData");
    if (reasonData != null) {
      try {
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(reasonData);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AwsServiceException(CloudWatchErrorCode.INVALID_FORMAT, "StateReasonData is not valid JSON.");
      }
    }
    MetricAlarm alarm = find(name);
    transitions.transition(alarm, AlarmState.valueOf(state), reason, reasonData, clock.instant());
    return OperationResult.empty();
  }

  OperationResult setActionsEnabled(CallContext context, StructNode input, boolean enabled) {
    Instant now = clock.instant();
    for (String name : INPUT.strings(input, "AlarmNames")) {
      alarms.find(name).ifPresent(alarm -> alarms.save(alarm.withActionsEnabled(enabled, now)));
    }
    return OperationResult.empty();
  }

  OperationResult describeAlarmHistory(CallContext context, StructNode input) {
    String type = INPUT.string(input, "HistoryItemType");
    if (type != null && !Set.of("ConfigurationUpdate", "StateUpdate", "Action").contains(type)) {
      throw invalid("The value " + type + " for parameter HistoryItemType is invalid.");
    }
    String scanBy = INPUT.string(input, "ScanBy");
    int limit = pageSize(INPUT.integer(input, "MaxRecords"));
    int offset =
        PageToken.decodeOffset("DescribeAlarmHistory", INPUT.string(input, "NextToken"), AlarmOperations::invalidToken);
    List<AlarmHistoryItem> items =
        alarms.history(
            new HistoryQuery(
                INPUT.string(input, "AlarmName"),
                type,
                INPUT.timestamp(input, "StartDate"),
                INPUT.timestamp(input, "EndDate"),
                "TimestampAscending".equals(scanBy),
                offset,
                limit + 1));
    boolean more = items.size() > limit;
    List<Node> out = new ArrayList<>();
    for (AlarmHistoryItem item : more ? items.subList(0, limit) : items) {
      out.add(
          StructNode.builder()
              .put("AlarmName", item.alarmName())
              .put("AlarmType", "MetricAlarm")
              .put("Timestamp", item.timestamp())
              .put("HistoryItemType", item.type())
              .put("HistorySummary", item.summary())
              .put("HistoryData", item.data())
              .build());
    }
    StructNode.Builder output = StructNode.builder().put("AlarmHistoryItems", new ListNode(out));
    if (more) {
      output.put("NextToken", PageToken.encode("DescribeAlarmHistory", Integer.toString(offset + limit)));
    }
    return OperationResult.output(output.build());
  }

  OperationResult tagResource(CallContext context, StructNode input) {
    String arn = INPUT.requiredString(input, "ResourceARN");
    findByArn(context, arn);
    Map<String, String> newTags = INPUT.keyValueList(input, "Tags", "Key", "Value");
    Map<String, String> merged = new java.util.HashMap<>(tags.get(arn));
    merged.putAll(newTags);
    if (merged.size() > 50) {
      throw invalid("A resource can have at most 50 tags.");
    }
    tags.put(arn, newTags);
    return OperationResult.empty();
  }

  OperationResult untagResource(CallContext context, StructNode input) {
    String arn = INPUT.requiredString(input, "ResourceARN");
    findByArn(context, arn);
    tags.remove(arn, INPUT.strings(input, "TagKeys"));
    return OperationResult.empty();
  }

  OperationResult listTagsForResource(CallContext context, StructNode input) {
    String arn = INPUT.requiredString(input, "ResourceARN");
    findByArn(context, arn);
    List<Node> out = new ArrayList<>();
    tags.get(arn).forEach((key, value) -> out.add(StructNode.builder().put("Key", key).put("Value", value).build()));
    return OperationResult.output(StructNode.builder().put("Tags", new ListNode(out)).build());
  }

  private MetricAlarm findByArn(CallContext context, String arn) {
    String prefix = alarmArn(context, "");
    if (!arn.startsWith(prefix)) {
      throw new AwsServiceException(
          CloudWatchErrorCode.RESOURCE_NOT_FOUND_EXCEPTION, "Resource " + arn + " not found.");
    }
    return alarms
        .find(arn.substring(prefix.length()))
        .orElseThrow(
            () ->
                new AwsServiceException(
                    CloudWatchErrorCode.RESOURCE_NOT_FOUND_EXCEPTION, "Resource " + arn + " not found."));
  }

  private MetricAlarm find(String name) {
    return alarms
        .find(name)
        .orElseThrow(
            () ->
                new AwsServiceException(
                    CloudWatchErrorCode.RESOURCE_NOT_FOUND, "Alarm " + name + " does not exist."));
  }

  private static void checkState(String state) {
    try {
      AlarmState.valueOf(state);
    } catch (IllegalArgumentException e) {
      throw invalid("The value " + state + " for parameter StateValue is invalid.");
    }
  }

  private static int pageSize(Integer maxRecords) {
    if (maxRecords == null) {
      return DEFAULT_PAGE;
    }
    if (maxRecords < 1 || maxRecords > 100) {
      throw invalid("The parameter MaxRecords must be between 1 and 100.");
    }
    return maxRecords;
  }

  private static AwsServiceException invalidToken() {
    return new AwsServiceException(CloudWatchErrorCode.INVALID_NEXT_TOKEN, "The NextToken is invalid.");
  }
}
