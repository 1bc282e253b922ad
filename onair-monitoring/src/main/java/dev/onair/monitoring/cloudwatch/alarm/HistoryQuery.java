package dev.onair.monitoring.cloudwatch.alarm;

import java.time.Instant;

/**
 * A DescribeAlarmHistory filter; null members do not filter.
 *
 * @param offset items to skip (the page position the NextToken carries)
 */
public record HistoryQuery(
    String alarmName, String type, Instant from, Instant to, boolean ascending, int offset, int limit) {}
