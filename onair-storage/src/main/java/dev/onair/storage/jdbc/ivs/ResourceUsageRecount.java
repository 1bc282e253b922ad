package dev.onair.storage.jdbc.ivs;

import dev.onair.storage.Jdbc;
import dev.onair.storage.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets every {@code ivs_resource_usage} counter back to the number of rows it counts, after the embedded H2 file
 * was not closed cleanly.
 *
 * <p>Why: H2 2.5.252 writes each table's B-tree separately, so a SIGKILL can leave the file with part of a
 * transaction that had not returned yet (seen as a channel row without its counter increment; docs/BENCHMARKS.md
 * "Durability under load (session 5)"). The counter then stays off by one for good: a quota exceeded by one,
 * deletes driving it below the rows. Acknowledged transactions were always complete, so recounting loses nothing.
 * Start-up only, embedded only (the caller decides): on PostgreSQL other nodes may be writing, and PostgreSQL
 * commits atomically. A few GROUP BY counts over the four tables, the same as V210's initial fill.
 */
public final class ResourceUsageRecount {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceUsageRecount.class);

  private static final Map<String, String> TABLES = Map.of(
      ResourceUsage.CHANNEL, "ivs_channel",
      ResourceUsage.RECORDING_CONFIGURATION, "ivs_recording_configuration",
      ResourceUsage.PLAYBACK_KEY_PAIR, "ivs_playback_key_pair",
      ResourceUsage.PLAYBACK_RESTRICTION_POLICY, "ivs_playback_restriction_policy");

  /** One counter that did not match its rows; {@code before} is null when its row was missing. */
  public record Correction(String accountId, String region, String type, Long before, long after) {}

  private record Scope(String accountId, String region, String type) {}

  private ResourceUsageRecount() {}

  /** Recounts in one transaction and logs one WARN line per corrected counter. @return the corrections made */
  public static List<Correction> run(Jdbc jdbc) {
    List<Correction> corrections = jdbc.transaction(tx -> {
      Map<Scope, Long> rows = new LinkedHashMap<>();
      TABLES.forEach((type, table) -> tx.query(
              "select account_id, region, count(*) from " + table + " group by account_id, region",
              row -> Map.entry(new Scope(row.string("account_id"), row.string("region"), type), row.longValue(3)))
          .forEach(count -> rows.put(count.getKey(), count.getValue())));
      Map<Scope, Long> counters = new LinkedHashMap<>();
      tx.query("select account_id, region, resource_type, used from ivs_resource_usage",
              row -> Map.entry(new Scope(row.string("account_id"), row.string("region"), row.string("resource_type")),
                  row.longValue(4)))
          .forEach(counter -> counters.put(counter.getKey(), counter.getValue()));
      List<Correction> made = new ArrayList<>();
      rows.forEach((scope, count) -> {
        Long used = counters.get(scope);
        if (used == null) {
          tx.update("insert into ivs_resource_usage (account_id, region, resource_type, used) values (?, ?, ?, ?)",
              scope.accountId(), scope.region(), scope.type(), count);
          made.add(new Correction(scope.accountId(), scope.region(), scope.type(), null, count));
        } else if (used != count.longValue()) {
          set(tx, scope, count);
          made.add(new Correction(scope.accountId(), scope.region(), scope.type(), used, count));
        }
      });
      // A counter of a type whose scope holds no rows at all (what V210 would not even have created).
      counters.forEach((scope, used) -> {
        if (TABLES.containsKey(scope.type()) && !rows.containsKey(scope) && used != 0) {
          set(tx, scope, 0);
          made.add(new Correction(scope.accountId(), scope.region(), scope.type(), used, 0));
        }
      });
      return made;
    });
    for (Correction c : corrections) {
      LOG.warn("IVS quota counter {} of account {} in {} did not match its rows after an unclean stop: {} -> {}",
          c.type(), c.accountId(), c.region(), c.before() == null ? "missing" : c.before(), c.after());
    }
    return corrections;
  }

  private static void set(Tx tx, Scope scope, long used) {
    tx.update("update ivs_resource_usage set used = ? where account_id = ? and region = ? and resource_type = ?",
        used, scope.accountId(), scope.region(), scope.type());
  }
}
