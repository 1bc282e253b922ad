package dev.onair.storage.jdbc.monitoring;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.cloudwatch.alarm.AlarmCodec;
import dev.onair.monitoring.cloudwatch.alarm.AlarmHistoryItem;
import dev.onair.monitoring.cloudwatch.alarm.AlarmRepository;
import dev.onair.monitoring.cloudwatch.alarm.HistoryQuery;
import dev.onair.monitoring.cloudwatch.alarm.MetricAlarm;
import dev.onair.storage.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Alarms as JSON documents (AlarmCodec) and their history rows. */
public final class JdbcAlarmRepository implements AlarmRepository {
  private final Jdbc jdbc;

  public JdbcAlarmRepository(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public Optional<MetricAlarm> find(String name) {
    return jdbc.queryOne(
        "select definition from monitoring_alarm where alarm_name = ?",
        row -> AlarmCodec.fromJson(row.string("definition")),
        name);
  }

  @Override
  public List<MetricAlarm> list() {
    return jdbc.query(
        "select definition from monitoring_alarm order by alarm_name",
        row -> AlarmCodec.fromJson(row.string("definition")));
  }

  @Override
  public long count() {
    return jdbc.transaction(tx -> tx.count("select count(*) from monitoring_alarm"));
  }

  @Override
  public void save(MetricAlarm alarm) {
    String json = AlarmCodec.toJson(alarm);
    jdbc.upsertTransaction(
        tx -> {
          int updated =
              tx.update("update monitoring_alarm set definition = ? where alarm_name = ?", json, alarm.name());
          if (updated == 0) {
            tx.update("insert into monitoring_alarm (alarm_name, definition) values (?, ?)", alarm.name(), json);
          }
        });
  }

  @Override
  public boolean delete(String name) {
    return jdbc.update("delete from monitoring_alarm where alarm_name = ?", name) > 0;
  }

  @Override
  public void addHistory(AlarmHistoryItem item) {
    jdbc.update(
        "insert into monitoring_alarm_history (alarm_name, item_time, item_type, summary, data)"
            + " values (?, ?, ?, ?, ?)",
        item.alarmName(), item.timestamp(), item.type(), item.summary(), item.data());
  }

  @Override
  public List<AlarmHistoryItem> history(HistoryQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "select alarm_name, item_time, item_type, summary, data from monitoring_alarm_history where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (query.alarmName() != null) {
      sql.append(" and alarm_name = ?");
      params.add(query.alarmName());
    }
    if (query.type() != null) {
      sql.append(" and item_type = ?");
      params.add(query.type());
    }
    if (query.from() != null) {
      sql.append(" and item_time >= ?");
      params.add(query.from());
    }
    if (query.to() != null) {
      sql.append(" and item_time <= ?");
      params.add(query.to());
    }
    String direction = query.ascending() ? "asc" : "desc";
    sql.append(" order by item_time ").append(direction).append(", id ").append(direction);
    sql.append(" limit ? offset ?");
    params.add(query.limit());
    params.add(query.offset());
    return jdbc.query(
        sql.toString(),
        row ->
            new AlarmHistoryItem(
                row.string("alarm_name"),
                row.instant("item_time"),
                row.string("item_type"),
                row.string("summary"),
                row.string("data")),
        params.toArray());
  }

  @Override
  public int expireHistory(Instant cutoff) {
    return jdbc.update("delete from monitoring_alarm_history where item_time < ?", cutoff);
  }
}
