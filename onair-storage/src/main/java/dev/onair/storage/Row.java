package dev.onair.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The current row of a result, read by column label; SQL NULL reads as Java null for boxed types. Labels resolve
 * to indexes through {@link ColumnLabels}; a label it does not hold (another case, a qualified name, a statement
 * with {@code *}) goes to the driver as before.
 */
public final class Row {
  private final ResultSet resultSet;
  private final String sql;
  private Map<String, Integer> labels;

  Row(ResultSet resultSet, String sql) {
    this.resultSet = resultSet;
    this.sql = sql;
  }

  /** The column's index, or 0 when the driver is to resolve the label. */
  private int index(String column) throws SQLException {
    if (labels == null) {
      labels = ColumnLabels.of(sql, resultSet);
    }
    Integer index = labels.get(column);
    return index == null ? 0 : index;
  }

  public String string(String column) throws SQLException {
    int index = index(column);
    return index > 0 ? resultSet.getString(index) : resultSet.getString(column);
  }

  public Integer integer(String column) throws SQLException {
    int index = index(column);
    int value = index > 0 ? resultSet.getInt(index) : resultSet.getInt(column);
    return resultSet.wasNull() ? null : value;
  }

  public Long longValue(String column) throws SQLException {
    int index = index(column);
    long value = index > 0 ? resultSet.getLong(index) : resultSet.getLong(column);
    return resultSet.wasNull() ? null : value;
  }

  public long longValue(int column) throws SQLException {
    return resultSet.getLong(column);
  }

  public boolean bool(String column) throws SQLException {
    int index = index(column);
    return index > 0 ? resultSet.getBoolean(index) : resultSet.getBoolean(column);
  }

  public Boolean nullableBool(String column) throws SQLException {
    int index = index(column);
    boolean value = index > 0 ? resultSet.getBoolean(index) : resultSet.getBoolean(column);
    return resultSet.wasNull() ? null : value;
  }

  public Instant instant(String column) throws SQLException {
    int index = index(column);
    OffsetDateTime value = index > 0
        ? resultSet.getObject(index, OffsetDateTime.class)
        : resultSet.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public byte[] bytes(String column) throws SQLException {
    int index = index(column);
    return index > 0 ? resultSet.getBytes(index) : resultSet.getBytes(column);
  }
}
