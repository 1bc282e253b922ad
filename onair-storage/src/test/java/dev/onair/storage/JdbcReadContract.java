package dev.onair.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Jdbc#read} (and the reads built on it) run in auto-commit mode: they see exactly what is committed, never a
 * transaction in flight, and hand the connection back to the pool fit for the next transaction. A pool of two
 * connections, so every case reuses connections that earlier reads and transactions returned.
 */
abstract class JdbcReadContract {
  @TempDir Path dataDir;
  private Database database;
  private Jdbc jdbc;

  abstract Database open(Path dataDir);

  @BeforeEach
  void setUp() {
    database = open(dataDir);
    jdbc = database.jdbc();
    jdbc.update("create table read_test (id integer primary key, v varchar(20))");
  }

  @AfterEach
  void close() {
    jdbc.update("drop table read_test");
    database.close();
  }

  private List<String> values() {
    return jdbc.query("select v from read_test order by id", row -> row.string("v"));
  }

  @Test
  void readsSeeCommittedRows_severalStatementsOnOneConnection() {
    jdbc.transactionVoid(tx -> {
      tx.update("insert into read_test (id, v) values (?, ?)", 1, "one");
      tx.update("insert into read_test (id, v) values (?, ?)", 2, "two");
    });
    assertThat(values()).containsExactly("one", "two");
    assertThat(jdbc.queryOne("select v from read_test where id = ?", row -> row.string("v"), 2)).contains("two");
    String both = jdbc.read(tx -> tx.count("select count(*) from read_test") + ":"
        + tx.queryOne("select v from read_test where id = ?", row -> row.string("v"), 1).orElseThrow());
    assertThat(both).isEqualTo("2:one");
  }

  @Test
  void readsNeverSeeATransactionInFlight() {
    List<String> seenDuring = jdbc.transaction(tx -> {
      tx.update("insert into read_test (id, v) values (?, ?)", 1, "uncommitted");
      return values();
    });
    assertThat(seenDuring).isEmpty();
    assertThat(values()).containsExactly("uncommitted");
  }

  @Test
  void connectionsComeBackFromReadsReadyForTransactions_rollbackStillRollsBack() {
    for (int i = 0; i < 4; i++) {
      assertThat(values()).isEmpty();
    }
    for (int i = 0; i < 4; i++) {
      int id = i;
      assertThatThrownBy(() -> jdbc.transactionVoid(tx -> {
        tx.update("insert into read_test (id, v) values (?, ?)", id, "rolled back");
        throw new IllegalStateException("abort");
      })).hasMessage("abort");
    }
    assertThat(values()).isEmpty();
  }

  @Test
  void afterCommitIsRefusedInARead_andFailedReadsReturnTheirConnection() {
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> jdbc.read(tx -> {
        tx.afterCommit(() -> { });
        return null;
      })).isInstanceOf(IllegalStateException.class).hasMessageContaining("afterCommit");
      assertThatThrownBy(() -> jdbc.query("select no_such_column from read_test", row -> row.string("no_such_column")))
          .isInstanceOf(DataAccessException.class);
    }
    jdbc.update("insert into read_test (id, v) values (?, ?)", 1, "after failures");
    assertThat(values()).containsExactly("after failures");
  }

  @Test
  void rowsReadByLabel_namedColumnsByStatementText_starStatementsByTheDriver() {
    jdbc.transactionVoid(tx -> {
      tx.update("insert into read_test (id, v) values (?, ?)", 1, "one");
      tx.update("insert into read_test (id, v) values (?, ?)", 2, "two");
    });
    for (int i = 0; i < 3; i++) { // the first read learns the labels, the others use them
      assertThat(jdbc.query("select v, id from read_test order by id", row -> row.string("v") + row.integer("id")))
          .containsExactly("one1", "two2");
      // JDBC: of two columns with one label, the first is read
      assertThat(jdbc.query("select id as k, v as k from read_test order by id", row -> row.string("k")))
          .containsExactly("1", "2");
      // a label in another case is the driver's to resolve, as before
      assertThat(jdbc.query("select v, id from read_test order by id", row -> row.string("V")))
          .containsExactly("one", "two");
    }
    // a statement with * depends on the table's columns, so the same text must follow a change of column order
    jdbc.update("create table label_test (a varchar(5), b varchar(5))");
    jdbc.update("insert into label_test (a, b) values ('A', 'B')");
    assertThat(jdbc.query("select * from label_test", row -> row.string("a") + row.string("b")))
        .containsExactly("AB");
    jdbc.update("drop table label_test");
    jdbc.update("create table label_test (b varchar(5), a varchar(5))");
    jdbc.update("insert into label_test (a, b) values ('A', 'B')");
    assertThat(jdbc.query("select * from label_test", row -> row.string("a") + row.string("b")))
        .containsExactly("AB");
    jdbc.update("drop table label_test");
  }
}
