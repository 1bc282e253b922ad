package dev.onair.monitoring.cloudwatch;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.Tags;
import dev.onair.monitoring.cloudwatch.alarm.AlarmEvaluator;
import dev.onair.monitoring.cloudwatch.alarm.AlarmRepository;
import dev.onair.monitoring.metrics.MetricIngest;
import dev.onair.monitoring.metrics.MetricReader;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.Operation.Authorization;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.tree.StructNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon CloudWatch (monitoring, 2010-08-01) for the metrics Onair has. It accepts the three protocols clients
 * send: awsQuery (SDK for Java 2.40, CLI v2), awsJson1_0 with query-compatible errors (botocore, CLI v1) and
 * Smithy RPC v2 CBOR (newer Java SDKs). Each operation authorizes {@code cloudwatch:<Operation>}; alarm operations
 * name the alarm ARN, the rest {@code *} (CloudWatch metrics have no ARN).
 */
public final class CloudWatchService {
  public static final String SIGNING_NAME = "monitoring";
  public static final String TARGET_PREFIX = "GraniteServiceVersion20100801";

  private final MetricOperations metrics;
  private final AlarmOperations alarms;
  private final AlarmEvaluator evaluator;

  /**
   * @param maxAlarms PutMetricAlarm answers LimitExceeded beyond this many alarms
   */
  public CloudWatchService(
      MetricIngest ingest, MetricReader reader, AlarmRepository alarmRepository, Tags tags, Clock clock, long maxAlarms) {
    requireNonNull(clock, "clock is null");
    this.metrics = new MetricOperations(ingest, reader, clock);
    this.alarms = new AlarmOperations(alarmRepository, tags, clock, maxAlarms);
    this.evaluator = new AlarmEvaluator(alarmRepository, metrics.engine(), clock);
  }

  /** The job the composition root schedules to evaluate alarms. */
  public AlarmEvaluator alarmEvaluator() {
    return evaluator;
  }

  public ServiceDefinition definition() {
    List<Operation> operations = new ArrayList<>();
    operations.add(op("GetMetricData", any("GetMetricData"), metrics::getMetricData));
    operations.add(op("GetMetricStatistics", any("GetMetricStatistics"), metrics::getMetricStatistics));
    operations.add(op("ListMetrics", any("ListMetrics"), metrics::listMetrics));
    operations.add(
        op(
            "PutMetricData",
            (context, input) ->
                List.of(
                    AuthorizationCheck.of("cloudwatch:PutMetricData", "*")
                        .withKey("cloudwatch:namespace", String.valueOf(safeString(input, "Namespace")))),
            metrics::putMetricData));
    operations.add(op("PutMetricAlarm", oneAlarm("PutMetricAlarm", true), alarms::putMetricAlarm));
    operations.add(op("DescribeAlarms", any("DescribeAlarms"), alarms::describeAlarms));
    operations.add(op("DescribeAlarmsForMetric", any("DescribeAlarmsForMetric"), alarms::describeAlarmsForMetric));
    operations.add(op("DeleteAlarms", namedAlarms("DeleteAlarms"), alarms::deleteAlarms));
    operations.add(op("SetAlarmState", oneAlarm("SetAlarmState", false), alarms::setAlarmState));
    operations.add(
        op("EnableAlarmActions", namedAlarms("EnableAlarmActions"), (c, i) -> alarms.setActionsEnabled(c, i, true)));
    operations.add(
        op("DisableAlarmActions", namedAlarms("DisableAlarmActions"), (c, i) -> alarms.setActionsEnabled(c, i, false)));
    operations.add(
        op(
            "DescribeAlarmHistory",
            (context, input) -> {
              String name = safeString(input, "AlarmName");
              String resource = name == null ? "*" : AlarmOperations.alarmArn(context, name);
              return List.of(AuthorizationCheck.of("cloudwatch:DescribeAlarmHistory", resource));
            },
            alarms::describeAlarmHistory));
    operations.add(op("TagResource", byArn("TagResource", true), alarms::tagResource));
    operations.add(op("UntagResource", byArn("UntagResource", false), alarms::untagResource));
    operations.add(op("ListTagsForResource", byArn("ListTagsForResource", false), alarms::listTagsForResource));
    return new ServiceDefinition(
        SIGNING_NAME,
        List.of(AwsProtocol.AWS_QUERY, AwsProtocol.AWS_JSON_1_0, AwsProtocol.RPC_V2_CBOR),
        "http://monitoring.amazonaws.com/doc/2010-08-01/",
        "2010-08-01",
        TARGET_PREFIX,
        true,
        "com.amazonaws.cloudwatch",
        CloudWatchErrorCode.ACCESS_DENIED,
        CloudWatchErrorCode.VALIDATION_ERROR,
        CloudWatchErrorCode.INVALID_ACTION,
        null,
        ServiceDefinition.index(operations));
  }

  private static Operation op(String name, Authorization authorization, Operation.Handler handler) {
    return new Operation(name, authorization, handler);
  }

  private static Authorization any(String operation) {
    return (context, input) -> List.of(AuthorizationCheck.of("cloudwatch:" + operation, "*"));
  }

  private static Authorization oneAlarm(String operation, boolean withRequestTags) {
    return (context, input) -> {
      String name = safeString(input, "AlarmName");
      AuthorizationCheck check =
          AuthorizationCheck.of(
              "cloudwatch:" + operation, name == null ? "*" : AlarmOperations.alarmArn(context, name));
      if (withRequestTags) {
        check = check.withRequestTags(safeTags(input));
      }
      return List.of(check);
    };
  }

  private static Authorization namedAlarms(String operation) {
    return (context, input) -> {
      List<AuthorizationCheck> checks = new ArrayList<>();
      for (String name : safeStrings(input, "AlarmNames")) {
        checks.add(AuthorizationCheck.of("cloudwatch:" + operation, AlarmOperations.alarmArn(context, name)));
      }
      if (checks.isEmpty()) {
        checks.add(AuthorizationCheck.of("cloudwatch:" + operation, "*"));
      }
      return checks;
    };
  }

  private static Authorization byArn(String operation, boolean withRequestTags) {
    return (context, input) -> {
      String arn = safeString(input, "ResourceARN");
      AuthorizationCheck check = AuthorizationCheck.of("cloudwatch:" + operation, arn == null ? "*" : arn);
      if (withRequestTags) {
        check = check.withRequestTags(safeTags(input));
      }
      if ("UntagResource".equals(operation)) {
        List<String> keys = safeStrings(input, "TagKeys");
        if (!keys.isEmpty()) {
          check = check.withKey("aws:TagKeys", keys);
        }
      }
      return List.of(check);
    };
  }

  // authorization runs before validation, so it must read input without failing on malformed members
  static String safeString(StructNode input, String member) {
    try {
      return input.string(member);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static List<String> safeStrings(StructNode input, String member) {
    try {
      return CloudWatchWire.INPUT.strings(input, member);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  static java.util.Map<String, String> safeTags(StructNode input) {
    try {
      return CloudWatchWire.INPUT.keyValueList(input, "Tags", "Key", "Value");
    } catch (RuntimeException e) {
      return java.util.Map.of();
    }
  }
}
