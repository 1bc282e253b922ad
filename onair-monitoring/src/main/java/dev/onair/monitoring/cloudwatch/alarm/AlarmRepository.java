package dev.onair.monitoring.cloudwatch.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alarm definitions, their current state, and their history. JDBC implementation in onair-storage. */
public interface AlarmRepository {
  Optional<MetricAlarm> find(String name);

  /** Every alarm ordered by name; the count is bounded by the alarm limit. */
  List<MetricAlarm> list();

  long count();

  /** Inserts or replaces the alarm with this name. */
  void save(MetricAlarm alarm);

  boolean delete(String name);

  void addHistory(AlarmHistoryItem item);

  List<AlarmHistoryItem> history(HistoryQuery query);

  /** Drops history older than {@code cutoff} (CloudWatch keeps 30 days). */
  int expireHistory(Instant cutoff);
}
