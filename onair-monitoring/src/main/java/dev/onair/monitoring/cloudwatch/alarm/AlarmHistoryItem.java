package dev.onair.monitoring.cloudwatch.alarm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One DescribeAlarmHistory entry.
 *
 * @param type ConfigurationUpdate, StateUpdate or Action
 * @param data CloudWatch's HistoryData JSON document
 */
public record AlarmHistoryItem(String alarmName, Instant timestamp, String type, String summary, String data) {
  public AlarmHistoryItem {
    requireNonNull(alarmName, "alarmName is null");
    requireNonNull(timestamp, "timestamp is null");
    requireNonNull(type, "type is null");
  }
}
