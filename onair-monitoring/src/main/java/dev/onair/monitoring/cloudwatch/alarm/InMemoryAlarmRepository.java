package dev.onair.monitoring.cloudwatch.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryAlarmRepository implements AlarmRepository {
  private final ConcurrentSkipListMap<String, MetricAlarm> alarms = new ConcurrentSkipListMap<>();
  private final List<AlarmHistoryItem> history = new ArrayList<>();

  @Override
  public Optional<MetricAlarm> find(String name) {
    return Optional.ofNullable(alarms.get(name));
  }

  @Override
  public List<MetricAlarm> list() {
    return List.copyOf(alarms.values());
  }

  @Override
  public long count() {
    return alarms.size();
  }

  @Override
  public void save(MetricAlarm alarm) {
    alarms.put(alarm.name(), alarm);
  }

  @Override
  public boolean delete(String name) {
    return alarms.remove(name) != null;
  }

  @Override
  public synchronized void addHistory(AlarmHistoryItem item) {
    history.add(item);
  }

  @Override
  public synchronized List<AlarmHistoryItem> history(HistoryQuery query) {
    Comparator<AlarmHistoryItem> order = Comparator.comparing(AlarmHistoryItem::timestamp);
    List<AlarmHistoryItem> matching = new ArrayList<>();
    for (AlarmHistoryItem item : history) {
      if ((query.alarmName() == null || query.alarmName().equals(item.alarmName()))
          && (query.type() == null || query.type().equals(item.type()))
          && (query.from() == null || !item.timestamp().isBefore(query.from()))
          && (query.to() == null || !item.timestamp().isAfter(query.to()))) {
        matching.add(item);
      }
    }
    matching.sort(query.ascending() ? order : order.reversed());
    int from = Math.min(query.offset(), matching.size());
    int to = Math.min(from + query.limit(), matching.size());
    return List.copyOf(matching.subList(from, to));
  }

  @Override
  public synchronized int expireHistory(Instant cutoff) {
    int before = history.size();
    history.removeIf(item -> item.timestamp().isBefore(cutoff));
    return before - history.size();
  }
}
