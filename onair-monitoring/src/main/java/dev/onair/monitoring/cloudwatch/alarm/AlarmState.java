package dev.onair.monitoring.cloudwatch.alarm;

/** CloudWatch's StateValue. */
public enum AlarmState {
  OK,
  ALARM,
  INSUFFICIENT_DATA
}
