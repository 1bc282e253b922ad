package dev.onair.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-30T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final SignInThrottle throttle =
      new SignInThrottle(clock, new SignInThrottle.Limits(3, 5, Duration.ofMinutes(15)));

  @Test
  void principal_isPausedAtTheLimit_andFreedWhenTheOldestFailureAgesOut() {
    for (int i = 0; i < 2; i++) {
      throttle.failed("123456789012", "alice", "10.0.0.1");
      clock.now = clock.now.plusSeconds(60);
    }
    assertThat(throttle.retryAfter("123456789012", "alice", "10.0.0.1")).isEmpty();
    throttle.failed("123456789012", "alice", "10.0.0.1");
    assertThat(throttle.retryAfter("123456789012", "alice", "10.0.0.9"))
        .as("another address is refused too: the limit is on the principal")
        .hasValue(Duration.ofMinutes(13));
    clock.now = clock.now.plus(Duration.ofMinutes(13));
    assertThat(throttle.retryAfter("123456789012", "alice", "10.0.0.1")).isEmpty();
  }

  @Test
  void principal_keyIgnoresCaseAndSurroundingSpace() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("123456789012", "Alice", "10.0.0.1");
    }
    assertThat(throttle.retryAfter("123456789012", " alice ", "10.0.0.2")).isPresent();
    assertThat(throttle.retryAfter("123456789012", "bob", "10.0.0.2")).isEmpty();
  }

  @Test
  void address_isPausedAfterSprayingManyUsers() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("123456789012", "user" + i, "10.0.0.66");
    }
    assertThat(throttle.retryAfter("123456789012", "someone-new", "10.0.0.66")).isPresent();
    assertThat(throttle.retryAfter("123456789012", "someone-new", "10.0.0.1")).isEmpty();
  }

  @Test
  void success_forgivesThePrincipal_notTheAddress() {
    for (int i = 0; i < 2; i++) {
      throttle.failed("123456789012", "alice", "10.0.0.1");
    }
    throttle.succeeded("123456789012", "alice");
    throttle.failed("123456789012", "alice", "10.0.0.1");
    throttle.failed("123456789012", "alice", "10.0.0.1");
    assertThat(throttle.retryAfter("123456789012", "alice", "10.0.0.2")).isEmpty();
    throttle.failed("123456789012", "bob", "10.0.0.1");
    assertThat(throttle.retryAfter("123456789012", "carol", "10.0.0.1"))
        .as("five failures from the address in the window").isPresent();
  }
}
