package dev.onair.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the database lives.
 *
 * @param dataDir the operator's data directory; the embedded database goes to {@code <dataDir>/db/onair}
 * @param databaseUrl {@code postgresql://user:pass@host:port/db} to use PostgreSQL instead; null or blank for the
 *     embedded default
 * @param maximumPoolSize connections kept by the pool
 */
public record DatabaseSettings(Path dataDir, String databaseUrl, int maximumPoolSize) {
  public DatabaseSettings {
    requireNonNull(dataDir, "dataDir is null");
    if (maximumPoolSize < 1) {
      throw new IllegalArgumentException("maximumPoolSize must be positive");
    }
  }

  public static DatabaseSettings embedded(Path dataDir) {
    return new DatabaseSettings(dataDir, null, 8);
  }

  public boolean usesPostgres() {
    return databaseUrl != null && !databaseUrl.isBlank();
  }

  /** Keeps the password of the database URL out of logs. */
  @Override
  public String toString() {
    return "DatabaseSettings[dataDir=" + dataDir + ", postgres=" + usesPostgres() + "]";
  }
}
