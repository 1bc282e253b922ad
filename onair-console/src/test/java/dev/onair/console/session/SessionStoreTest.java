package dev.onair.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Caller;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
  private final SignInThrottleTest.ManualClock clock = new SignInThrottleTest.ManualClock();
  private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), 3);

  private static SignedIn alice() {
    Caller caller = new Caller(Caller.CallerType.USER, "123456789012", "arn:aws:iam::123456789012:user/alice",
        "AIDAEXAMPLE", "alice", null, null, null, null, Map.of());
    return new SignedIn(caller, "123456789012", "alice");
  }

  @Test
  void signIn_replacesTheAnonymousSessionWithANewId() {
    Session anonymous = store.createAnonymous();
    Session signedIn = store.signIn(anonymous, alice(), false);
    assertThat(signedIn.id()).isNotEqualTo(anonymous.id());
    assertThat(signedIn.csrfToken()).isNotEqualTo(anonymous.csrfToken());
    assertThat(store.find(anonymous.id())).as("a planted pre-sign-in id is worthless").isEmpty();
    assertThat(store.find(signedIn.id())).containsSame(signedIn);
    assertThat(signedIn.state()).isEqualTo(Session.State.SIGNED_IN);
  }

  @Test
  void passwordChangeRequired_untilChanged() {
    Session session = store.signIn(null, alice(), true);
    assertThat(session.state()).isEqualTo(Session.State.PASSWORD_CHANGE_REQUIRED);
    assertThat(session.signedIn()).isFalse();
    session.passwordChanged();
    assertThat(session.signedIn()).isTrue();
  }

  @Test
  void idleSessionsExpire_activeOnesLiveUpToTheMaximum() {
    Session session = store.signIn(null, alice(), false);
    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertThat(store.find(session.id())).isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertThat(store.find(session.id())).isEmpty();

    Session busy = store.signIn(null, alice(), false);
    for (int i = 0; i < 40; i++) {
      clock.now = clock.now.plus(Duration.ofMinutes(20));
      if (store.find(busy.id()).isEmpty()) {
        assertThat(i).as("ended just after the 12 hour cap").isEqualTo(36);
        return;
      }
    }
    throw new AssertionError("an active session outlived the maximum lifetime");
  }

  @Test
  void boundedStore_evictsTheLeastRecentlyUsed() {
    Session first = store.createAnonymous();
    clock.now = clock.now.plusSeconds(1);
    Session second = store.createAnonymous();
    clock.now = clock.now.plusSeconds(1);
    Session third = store.createAnonymous();
    clock.now = clock.now.plusSeconds(1);
    store.find(first.id());
    store.createAnonymous();
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.find(second.id())).isEmpty();
    assertThat(store.find(first.id())).isPresent();
    assertThat(store.find(third.id())).isPresent();
  }

  @Test
  void boundedStore_anonymousFloodNeverEvictsASignedInUser() {
    Session user = store.signIn(null, alice(), false);
    for (int i = 0; i < 100; i++) {
      clock.now = clock.now.plusSeconds(1);
      store.createAnonymous();
    }
    assertThat(store.find(user.id())).isPresent();
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void toString_revealsNeitherIdNorToken() {
    Session session = store.signIn(null, alice(), false);
    assertThat(session.toString()).doesNotContain(session.id()).doesNotContain(session.csrfToken());
  }
}
