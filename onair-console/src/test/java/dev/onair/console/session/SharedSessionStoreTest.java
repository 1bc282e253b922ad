package dev.onair.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SharedSessionStoreTest {
  private final SignInThrottleTest.ManualClock clock = new SignInThrottleTest.ManualClock();
  private final MapRepository database = new MapRepository();
  private final byte[] key = new byte[32];
  // two nodes sharing one database and one master key
  private final SharedSessionStore nodeA = store();
  private final SharedSessionStore nodeB = store();

  private SharedSessionStore store() {
    return new SharedSessionStore(database, key, clock, Duration.ofMinutes(30), Duration.ofHours(12), 100);
  }

  private static SignedIn alice() {
    Caller caller = new Caller(Caller.CallerType.USER, "123456789012", "arn:aws:iam::123456789012:user/alice",
        "AIDAEXAMPLE", "alice", null, null, null, null, Map.of("team", "video"));
    return new SignedIn(caller, "123456789012", "alice");
  }

  @Test
  void aSessionMadeOnOneNode_isFoundOnAnother_withTheSameCsrfToken_andOnlyItsHashIsStored() {
    Session anonymous = nodeA.createAnonymous();
    Session signedIn = nodeB.signIn(nodeB.find(anonymous.id()).orElseThrow(), alice(), false);
    assertThat(nodeA.find(anonymous.id())).isEmpty();
    Session onA = nodeA.find(signedIn.id()).orElseThrow();
    assertThat(onA.csrfToken()).isEqualTo(signedIn.csrfToken());
    assertThat(onA.principal()).isEqualTo(alice());
    assertThat(database.rows).containsOnlyKeys(SharedSessionStore.hash(signedIn.id()));
    assertThat(database.rows.keySet()).doesNotContain(signedIn.id());
  }

  @Test
  void aPasswordChangeAndASignOut_onOneNode_holdOnEveryNode() {
    Session session = nodeA.signIn(null, alice(), true);
    Session onB = nodeB.find(session.id()).orElseThrow();
    assertThat(onB.state()).isEqualTo(Session.State.PASSWORD_CHANGE_REQUIRED);
    onB.passwordChanged();
    nodeB.stateChanged(onB);
    assertThat(nodeA.find(session.id()).orElseThrow().state()).isEqualTo(Session.State.SIGNED_IN);
    nodeB.end(onB);
    assertThat(nodeA.find(session.id())).isEmpty();
  }

  @Test
  void revealsStayOnTheNodeThatMadeThem() {
    Session session = nodeA.signIn(null, alice(), false);
    String reveal = session.addReveal(new Reveal("password", Map.of("Password", "s3cret"), "x.csv", "/console/"));
    assertThat(nodeB.find(session.id()).orElseThrow().showReveal(reveal)).isEmpty();
    assertThat(nodeA.find(session.id()).orElseThrow().showReveal(reveal)).isPresent();
  }

  @Test
  void idleSessionsExpire_onEveryNode() {
    Session session = nodeA.signIn(null, alice(), false);
    clock.now = clock.now.plus(Duration.ofMinutes(20));
    assertThat(nodeB.find(session.id())).isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(20));
    assertThat(nodeA.find(session.id())).as("touched 20 minutes ago through B").isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertThat(nodeB.find(session.id())).isEmpty();
    assertThat(database.rows).isEmpty();
  }

  static final class MapRepository implements SessionRepository {
    final Map<String, StoredSession> rows = new ConcurrentHashMap<>();

    @Override
    public void insert(StoredSession session) {
      rows.put(session.idHash(), session);
    }

    @Override
    public Optional<StoredSession> find(String idHash) {
      return Optional.ofNullable(rows.get(idHash));
    }

    @Override
    public void touch(String idHash, Instant lastSeen) {
      rows.computeIfPresent(idHash, (k, s) -> new StoredSession(k, s.state(), s.principal(), s.created(), lastSeen));
    }

    @Override
    public void updateState(String idHash, Session.State state) {
      rows.computeIfPresent(idHash, (k, s) -> new StoredSession(k, state, s.principal(), s.created(), s.lastSeen()));
    }

    @Override
    public void delete(String idHash) {
      rows.remove(idHash);
    }

    @Override
    public int deleteExpired(Instant idleBefore, Instant createdBefore) {
      int before = rows.size();
      rows.values().removeIf(s -> s.lastSeen().isBefore(idleBefore) || s.created().isBefore(createdBefore));
      return before - rows.size();
    }
  }
}
