package dev.onair.storage.jdbc.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.console.session.Session;
import dev.onair.console.session.SessionRepository.StoredSession;
import dev.onair.console.session.SignedIn;
import dev.onair.protocol.Caller;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V700__console_sessions.sql and its SQL on the embedded store (H2 in PostgreSQL mode). */
class JdbcSessionRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-11-30T05:00:00Z");
  private static final String HASH = "a".repeat(64);

  @TempDir Path dataDir;
  private Database database;
  private JdbcSessionRepository repository;

  Database openDatabase(Path dir) {
    return Database.open(DatabaseSettings.embedded(dir));
  }

  @BeforeEach
  void open() {
    database = openDatabase(dataDir);
    repository = new JdbcSessionRepository(database.jdbc());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static SignedIn alice() {
    Caller caller = new Caller(Caller.CallerType.USER, "123456789012", "arn:aws:iam::123456789012:user/alice",
        "AIDAEXAMPLE", "alice", null, null, null, null, Map.of("team", "video"));
    return new SignedIn(caller, "my-alias", "alice");
  }

  @Test
  void storesFindsTouchesUpdatesAndDeletes() {
    repository.insert(new StoredSession(HASH, Session.State.PASSWORD_CHANGE_REQUIRED, alice(), T0, T0));
    StoredSession found = repository.find(HASH).orElseThrow();
    assertThat(found.principal()).isEqualTo(alice());
    assertThat(found.state()).isEqualTo(Session.State.PASSWORD_CHANGE_REQUIRED);
    assertThat(found.created()).isEqualTo(T0);

    repository.touch(HASH, T0.plusSeconds(60));
    repository.touch(HASH, T0.plusSeconds(30));
    assertThat(repository.find(HASH).orElseThrow().lastSeen()).as("never moves back").isEqualTo(T0.plusSeconds(60));
    repository.updateState(HASH, Session.State.SIGNED_IN);
    assertThat(repository.find(HASH).orElseThrow().state()).isEqualTo(Session.State.SIGNED_IN);

    repository.delete(HASH);
    assertThat(repository.find(HASH)).isEmpty();
  }

  @Test
  void anonymousSessionsHaveNoPrincipal_andExpiredOnesArePurged() {
    repository.insert(new StoredSession(HASH, Session.State.ANONYMOUS, null, T0, T0));
    String fresh = "b".repeat(64);
    repository.insert(new StoredSession(fresh, Session.State.ANONYMOUS, null, T0, T0.plusSeconds(3600)));
    assertThat(repository.find(HASH).orElseThrow().principal()).isNull();
    assertThat(repository.deleteExpired(T0.plusSeconds(1), T0.minusSeconds(1))).isEqualTo(1);
    assertThat(repository.find(HASH)).isEmpty();
    assertThat(repository.find(fresh)).isPresent();
  }
}
