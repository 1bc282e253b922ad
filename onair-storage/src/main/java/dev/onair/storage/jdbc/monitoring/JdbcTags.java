package dev.onair.storage.jdbc.monitoring;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.Tags;
import dev.onair.storage.Jdbc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags of CloudWatch alarms and Service Quotas quotas. */
public final class JdbcTags implements Tags {
  private final Jdbc jdbc;

  public JdbcTags(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public Map<String, String> get(String resourceArn) {
    Map<String, String> tags = new LinkedHashMap<>();
    jdbc.query(
            "select tag_key, tag_value from monitoring_tag where resource_arn = ? order by tag_key",
            row -> Map.entry(row.string("tag_key"), row.string("tag_value")),
            resourceArn)
        .forEach(entry -> tags.put(entry.getKey(), entry.getValue()));
    return tags;
  }

  @Override
  public void put(String resourceArn, Map<String, String> tags) {
    jdbc.upsertTransaction(
        tx ->
            tags.forEach(
                (key, value) -> {
                  int updated =
                      tx.update(
                          "update monitoring_tag set tag_value = ? where resource_arn = ? and tag_key = ?",
                          value == null ? "" : value, resourceArn, key);
                  if (updated == 0) {
                    tx.update(
                        "insert into monitoring_tag (resource_arn, tag_key, tag_value) values (?, ?, ?)",
                        resourceArn, key, value == null ? "" : value);
                  }
                }));
  }

  @Override
  public void remove(String resourceArn, List<String> keys) {
    jdbc.transactionVoid(
        tx ->
            keys.forEach(
                key ->
                    tx.update(
                        "delete from monitoring_tag where resource_arn = ? and tag_key = ?", resourceArn, key)));
  }

  @Override
  public void removeAll(String resourceArn) {
    jdbc.update("delete from monitoring_tag where resource_arn = ?", resourceArn);
  }
}
