package dev.onair.storage;

import java.sql.SQLException;

/** An unchecked SQLException; {@link #isUniqueViolation()} lets repositories turn constraint hits into AWS errors. */
public class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** SQLSTATE class 23505 on both H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final String sqlState;

  public DataAccessException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  static DataAccessException wrap(SQLException e) {
    return new DataAccessException(e.getMessage(), e.getSQLState(), e);
  }

  public String sqlState() {
    return sqlState;
  }

  public boolean isUniqueViolation() {
    return UNIQUE_VIOLATION.equals(sqlState);
  }

  /** Whether {@code e} or its causes is a unique-constraint violation. */
  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessException dae && dae.isUniqueViolation()) {
        return true;
      }
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
