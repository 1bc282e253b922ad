package dev.onair.storage.migrate;

import static java.util.Objects.requireNonNull;

import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code onair migrate}: copies an embedded (H2) installation into an empty PostgreSQL database. Flyway first gives
 * both the same schema version, then every table is copied in foreign-key order inside one PostgreSQL transaction,
 * row counts are compared table by table, and only then is it committed: a failure leaves PostgreSQL empty.
 *
 * <p>What it does not move: the master key (secrets stay encrypted with it, so every node needs it as
 * {@code ONAIR_MASTER_KEY}) and files in the data directory (S3 objects, recordings), which the report lists.
 */
public final class EmbeddedToPostgres {
  private static final int BATCH = 500;
  /** Seeded by the migrations themselves, so present in an otherwise empty target and replaced by the copy. */
  private static final Set<String> SEEDED = Set.of("iam_generation");

  private final Path dataDir;
  private final String databaseUrl;
  private final Consumer<String> progress;

  public EmbeddedToPostgres(Path dataDir, String databaseUrl, Consumer<String> progress) {
    this.dataDir = requireNonNull(dataDir, "dataDir is null");
    this.databaseUrl = requireNonNull(databaseUrl, "databaseUrl is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** Rows copied per table, in copy order. */
  public record Report(Map<String, Long> rows) {
    public long total() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public Report run() {
    if (!Files.isRegularFile(dataDir.resolve("db").resolve("onair.mv.db"))) {
      throw new MigrationException("no embedded database in " + dataDir + " (expected db/onair.mv.db)");
    }
    try (Database source = Database.open(DatabaseSettings.embedded(dataDir));
        Database target = Database.open(new DatabaseSettings(dataDir, databaseUrl, 2))) {
      if (target.dialect() != Database.Dialect.POSTGRES) {
        throw new MigrationException("--database-url must name a PostgreSQL database");
      }
      try (Connection from = source.dataSource().getConnection();
          Connection to = target.dataSource().getConnection()) {
        from.setReadOnly(true);
        to.setAutoCommit(false);
        try {
          Report report = copy(from, to);
          to.commit();
          return report;
        } catch (SQLException | RuntimeException e) {
          to.rollback();
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("migration failed and was rolled back: " + e.getMessage(), e);
    }
  }

  private Report copy(Connection from, Connection to) throws SQLException {
    List<String> tables = tablesInForeignKeyOrder(to);
    Set<String> sourceTables = new TreeSet<>(tableNames(from));
    for (String table : tables) {
      if (!sourceTables.contains(table)) {
        throw new MigrationException("table " + table + " exists in PostgreSQL but not in the embedded database");
      }
      if (!SEEDED.contains(table) && count(to, table) > 0) {
        throw new MigrationException(
            "the PostgreSQL database is not empty (table " + table + " has rows); migrate into a new database");
      }
    }
    for (String table : SEEDED) {
      try (Statement statement = to.createStatement()) {
        statement.executeUpdate("delete from " + table);
      }
    }
    Map<String, Long> copied = new LinkedHashMap<>();
    for (String table : tables) {
      long rows = copyTable(from, to, table);
      long expected = count(from, table);
      long actual = count(to, table);
      if (rows != expected || actual != expected) {
        throw new MigrationException(
            "row count mismatch in " + table + ": embedded " + expected + ", copied " + rows + ", in PostgreSQL "
                + actual);
      }
      copied.put(table, rows);
      progress.accept(String.format(Locale.ROOT, "%-34s %8d rows", table, rows));
    }
    resetIdentitySequences(to);
    return new Report(copied);
  }

  private static long copyTable(Connection from, Connection to, String table) throws SQLException {
    try (Statement select = from.createStatement();
        ResultSet rows = select.executeQuery("select * from " + table)) {
      ResultSetMetaData meta = rows.getMetaData();
      int columns = meta.getColumnCount();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
      String insert = "insert into " + table + " (" + String.join(", ", names) + ") values ("
          + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
      long count = 0;
      try (PreparedStatement statement = to.prepareStatement(insert)) {
        while (rows.next()) {
          for (int i = 1; i <= columns; i++) {
            statement.setObject(i, portable(rows.getObject(i)));
          }
          statement.addBatch();
          if (++count % BATCH == 0) {
            statement.executeBatch();
          }
        }
        statement.executeBatch();
      }
      return count;
    }
  }

  /** H2 hands out CLOB/BLOB handles for {@code text} columns; PostgreSQL wants the value. */
  private static Object portable(Object value) throws SQLException {
    if (value instanceof Clob clob) {
      try (Reader reader = clob.getCharacterStream()) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read; (read = reader.read(buffer)) > 0; ) {
          text.append(buffer, 0, read);
        }
        return text.toString();
      } catch (IOException e) {
        throw new SQLException("cannot read a text value", e);
      }
    }
    if (value instanceof Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    return value;
  }

  /** Identity columns were copied with explicit values; their sequences must continue after the largest. */
  private static void resetIdentitySequences(Connection to) throws SQLException {
    List<String[]> identities = new ArrayList<>();
    try (Statement statement = to.createStatement();
        ResultSet rows = statement.executeQuery(
            "select table_name, column_name from information_schema.columns"
                + " where table_schema = current_schema() and is_identity = 'YES'")) {
      while (rows.next()) {
        identities.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
    for (String[] identity : identities) {
      try (Statement statement = to.createStatement()) {
        statement.execute("select setval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1] + "'),"
            + " coalesce((select max(" + identity[1] + ") from " + identity[0] + "), 0) + 1, false)");
      }
    }
  }

  /** Parents before children, so every foreign key finds its row; ties broken by name for a stable order. */
  static List<String> tablesInForeignKeyOrder(Connection connection) throws SQLException {
    Map<String, Set<String>> parents = new TreeMap<>();
    DatabaseMetaData meta = connection.getMetaData();
    for (String table : tableNames(connection)) {
      Set<String> referenced = new TreeSet<>();
      try (ResultSet keys = meta.getImportedKeys(null, connection.getSchema(), table)) {
        while (keys.next()) {
          String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!parent.equals(table)) {
            referenced.add(parent);
          }
        }
      }
      parents.put(table, referenced);
    }
    List<String> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (placed.size() < parents.size()) {
      boolean progressed = false;
      for (Map.Entry<String, Set<String>> entry : parents.entrySet()) {
        if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
          placed.add(entry.getKey());
          ordered.add(entry.getKey());
          progressed = true;
        }
      }
      if (!progressed) {
        throw new MigrationException("foreign keys form a cycle among " + parents.keySet());
      }
    }
    return ordered;
  }

  private static List<String> tableNames(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%",
        new String[] {"TABLE", "BASE TABLE"})) {
      while (tables.next()) {
        String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.equals("flyway_schema_history")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
