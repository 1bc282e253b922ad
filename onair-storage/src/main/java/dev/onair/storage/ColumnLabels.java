package dev.onair.storage;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column label to index for each statement text, read once from a result's metadata. A driver resolves a label on
 * every by-label read: H2 builds, per result set, a map of every column's upper-cased label and qualified names,
 * which was about a fifth of GetChannel's one-row read. The columns of a statement that names them follow from
 * its text alone; one with {@code *} depends on the schema, so it is never cached (the driver resolves it).
 */
final class ColumnLabels {
  private static final int MAX_STATEMENTS = 2_000;
  private static final ConcurrentHashMap<String, Map<String, Integer>> BY_STATEMENT = new ConcurrentHashMap<>();
  private static final Map<String, Integer> NONE = Map.of();

  private ColumnLabels() {}

  /** Lower-cased label to 1-based index, first column of a label winning as in JDBC; empty when not cacheable. */
  static Map<String, Integer> of(String sql, ResultSet resultSet) throws SQLException {
    if (sql.indexOf('*') >= 0) {
      return NONE;
    }
    Map<String, Integer> labels = BY_STATEMENT.get(sql);
    if (labels == null) {
      labels = read(resultSet.getMetaData()); // only on a miss: the driver builds a new object per call
      if (BY_STATEMENT.size() >= MAX_STATEMENTS) {
        BY_STATEMENT.clear(); // statements built per call (IN lists) must not grow it without bound
      }
      BY_STATEMENT.put(sql, labels);
    }
    return labels;
  }

  private static Map<String, Integer> read(ResultSetMetaData metadata) throws SQLException {
    Map<String, Integer> labels = new HashMap<>();
    for (int i = 1; i <= metadata.getColumnCount(); i++) {
      labels.putIfAbsent(metadata.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    return Map.copyOf(labels);
  }
}
