package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.port.TagRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class JdbcIvsTagRepository implements TagRepository {
  private final Jdbc jdbc;

  JdbcIvsTagRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, String> tags(String resourceArn) {
    Map<String, String> tags = new LinkedHashMap<>();
    jdbc.query("select tag_key, tag_value from ivs_tag where resource_arn = ? order by tag_key",
            row -> Map.entry(row.string("tag_key"), row.string("tag_value")), resourceArn)
        .forEach(entry -> tags.put(entry.getKey(), entry.getValue()));
    return tags;
  }

  @Override
  public Map<String, Map<String, String>> tags(Collection<String> resourceArns) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    if (resourceArns.isEmpty()) {
      return result;
    }
    List<String> arns = new ArrayList<>(resourceArns);
    String placeholders = String.join(", ", Collections.nCopies(arns.size(), "?"));
    jdbc.query("select resource_arn, tag_key, tag_value from ivs_tag where resource_arn in (" + placeholders
                + ") order by resource_arn, tag_key",
            row -> List.of(row.string("resource_arn"), row.string("tag_key"), row.string("tag_value")),
            arns.toArray())
        .forEach(r -> result.computeIfAbsent(r.get(0), key -> new LinkedHashMap<>()).put(r.get(1), r.get(2)));
    return result;
  }

  @Override
  public void put(String resourceArn, Map<String, String> tags) {
    jdbc.upsertTransaction(tx -> tags.forEach((key, value) -> {
      int changed = tx.update("update ivs_tag set tag_value = ? where resource_arn = ? and tag_key = ?",
          value, resourceArn, key);
      if (changed == 0) {
        tx.update("insert into ivs_tag (resource_arn, tag_key, tag_value) values (?, ?, ?)", resourceArn, key, value);
      }
    }));
  }

  /** Inserts the tags of a resource created in {@code tx}, which has none yet (no update-or-insert per key). */
  static void insertNew(Tx tx, String resourceArn, Map<String, String> tags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      tx.update("insert into ivs_tag (resource_arn, tag_key, tag_value) values (?, ?, ?)", resourceArn, tag.getKey(),
          tag.getValue());
    }
  }

  @Override
  public void remove(String resourceArn, Collection<String> keys) {
    jdbc.transactionVoid(tx -> {
      for (String key : keys) {
        tx.update("delete from ivs_tag where resource_arn = ? and tag_key = ?", resourceArn, key);
      }
    });
  }

  @Override
  public void deleteAll(String resourceArn) {
    jdbc.update("delete from ivs_tag where resource_arn = ?", resourceArn);
  }
}
