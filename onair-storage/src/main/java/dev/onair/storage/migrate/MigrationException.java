package dev.onair.storage.migrate;

/** Why {@code onair migrate} stopped; the target was left as it was. */
public final class MigrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
