package dev.onair.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The current row of a result, read by column label; SQL NULL reads as Java null for boxed types. */
public final class Row {
  private final ResultSet resultSet;

  Row(ResultSet resultSet) {
    this.resultSet = resultSet;
  }

  public String string(String column) throws SQLException {
    return resultSet.getString(column);
  }

  public Integer integer(String column) throws SQLException {
    int value = resultSet.getInt(column);
    return resultSet.wasNull() ? null : value;
  }

  public Long longValue(String column) throws SQLException {
    long value = resultSet.getLong(column);
    return resultSet.wasNull() ? null : value;
  }

  public long longValue(int column) throws SQLException {
    return resultSet.getLong(column);
  }

  public boolean bool(String column) throws SQLException {
    return resultSet.getBoolean(column);
  }

  public Boolean nullableBool(String column) throws SQLException {
    boolean value = resultSet.getBoolean(column);
    return resultSet.wasNull() ? null : value;
  }

  public Instant instant(String column) throws SQLException {
    OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public byte[] bytes(String column) throws SQLException {
    return resultSet.getBytes(column);
  }
}
