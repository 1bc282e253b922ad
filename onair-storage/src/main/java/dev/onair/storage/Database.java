package dev.onair.storage;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.onair.storage.jdbc.ivs.ResourceUsageRecount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema. The embedded default is an H2 file database in PostgreSQL mode, so every
 * migration and query also runs on PostgreSQL, which an operator selects with {@code ONAIR_DATABASE_URL}.
 *
 * <p>Durability: H2 normally delays writing committed transactions by up to 500 ms ({@code WRITE_DELAY}), which a
 * SIGKILL would lose even though the client was told the write succeeded. {@code WRITE_DELAY=0} makes every commit
 * reach the file before it returns; {@link EmbeddedFileRecovery} makes sure that a restart after a crash finds it
 * there (H2's quick recovery alone can open an older version), and after such a stop {@link ResourceUsageRecount}
 * sets the IVS quota counters back to their rows. The crash tests in onair-it check it end to end.
 *
 * <p>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own JVM shutdown hook would otherwise close the database while Onair's
 * orderly stop is still writing (buffered metrics, access-key last-use times), which then fail with "Database is
 * already closed". The database closes when {@link #close()} closes the pool's last connection.
 */
public final class Database implements AutoCloseable {
  public enum Dialect {
    H2,
    POSTGRES
  }

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbc jdbc;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbc = new Jdbc(dataSource);
  }

  /** Opens the pool and brings the schema up to date. */
  public static Database open(DatabaseSettings settings) {
    requireNonNull(settings, "settings is null");
    HikariConfig config = new HikariConfig();
    config.setPoolName("onair-db");
    config.setMaximumPoolSize(settings.maximumPoolSize());
    config.setAutoCommit(true);
    Dialect dialect;
    boolean uncleanStop = false;
    if (settings.usesPostgres()) {
      dialect = Dialect.POSTGRES;
      PostgresUrl url = PostgresUrl.parse(settings.databaseUrl());
      config.setJdbcUrl(url.jdbcUrl());
      if (url.user() != null) {
        config.setUsername(url.user());
      }
      if (url.password() != null) {
        config.setPassword(url.password());
      }
    } else {
      dialect = Dialect.H2;
      Path dbDir = settings.dataDir().resolve("db");
      try {
        Files.createDirectories(dbDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + dbDir, e);
      }
      // Before the pool opens it: after a crash, H2's own quick recovery can miss the newest chunks (see there).
      uncleanStop = EmbeddedFileRecovery.recoverIfUnclean(dbDir.resolve("onair.mv.db"));
      config.setJdbcUrl(h2Url(dbDir.resolve("onair")));
      config.setUsername("onair");
      config.setPassword("");
    }
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      // Versions are numbered by area (V1xx core, V2xx IVS, ...), so a new migration of one area can sort below
      // what an installation already applied (V210 after V700): out-of-order application runs it anyway.
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .outOfOrder(true)
          .load()
          .migrate();
      if (uncleanStop) {
        // H2 can reopen part of a transaction that had not returned (see ResourceUsageRecount); PostgreSQL cannot.
        ResourceUsageRecount.run(new Jdbc(dataSource));
      }
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, dialect);
  }

  // ANALYZE_AUTO=0: H2 re-analyzes a table after 2,000, 4,000, 8,000 ... changed rows, which the metric tables
  // reach every few minutes while anything is live (a sampling scan on the flush's commit, and late JIT work);
  // every query here goes by primary key or an index that H2 picks without column statistics.
  static String h2Url(Path file) {
    return "jdbc:h2:file:"
        + file.toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
        + ";ANALYZE_AUTO=0";
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  public Jdbc jdbc() {
    return jdbc;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** {@code postgresql://user:pass@host:port/db?params} (also {@code postgres://}) → a JDBC URL and credentials. */
  record PostgresUrl(String jdbcUrl, String user, String password) {
    static PostgresUrl parse(String url) {
      String text = url.trim();
      if (text.startsWith("jdbc:postgresql:")) {
        return new PostgresUrl(text, null, null);
      }
      URI uri = URI.create(text);
      if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
        throw new IllegalArgumentException("ONAIR_DATABASE_URL must start with postgresql://");
      }
      String user = null;
      String password = null;
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        int colon = userInfo.indexOf(':');
        user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
      }
      String host = uri.getHost() == null ? "localhost" : uri.getHost();
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new PostgresUrl("jdbc:postgresql://" + host + ":" + port + path + query, user, password);
    }

    private static String decode(String value) {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "PostgresUrl[" + jdbcUrl + ", user=" + user + "]";
    }
  }
}
