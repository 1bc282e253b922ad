package dev.onair.live.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybackSessionsTest {
  private static final String CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/abc";
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "as minted,          0,        true",
      "other channel,      0,        false",
      "last char changed,  0,        false",
      "expiry changed,     0,        false",
      "expired,            86400001, false",
      "truncated,          0,        false",
  })
  void isValid(String change, long laterMillis, boolean expected) {
    AtomicReference<Instant> now = new AtomicReference<>(NOW);
    PlaybackSessions sessions = new PlaybackSessions(clock(now));
    String session = sessions.mint(CHANNEL);
    String channel = CHANNEL;
    switch (change) {
      case "other channel" -> channel = CHANNEL + "x";
      case "last char changed" -> session = session.substring(0, session.length() - 1)
          + (session.endsWith("A") ? "B" : "A");
      case "expiry changed" -> {
        int first = session.indexOf('.');
        int last = session.lastIndexOf('.');
        long expiry = Long.parseLong(session.substring(first + 1, last));
        session = session.substring(0, first + 1) + (expiry + 1) + session.substring(last);
      }
      case "truncated" -> session = session.substring(0, session.lastIndexOf('.'));
      default -> { }
    }
    now.set(NOW.plusMillis(laterMillis));
    assertThat(sessions.isValid(session, channel)).isEqualTo(expected);
  }

  @Test
  void sessionsCheckAlikeOnEveryThread_andNotAcrossProcesses() {
    PlaybackSessions sessions = new PlaybackSessions(Clock.fixed(NOW, ZoneOffset.UTC));
    String session = sessions.mint(CHANNEL);
    assertThat(CompletableFuture.supplyAsync(() -> sessions.isValid(session, CHANNEL)).join()).isTrue();
    assertThat(CompletableFuture.supplyAsync(() -> sessions.mint(CHANNEL)).thenApply(s -> sessions.isValid(s,
        CHANNEL)).join()).isTrue();
    assertThat(sessions.isValid(session, CHANNEL)).isTrue();
    assertThat(new PlaybackSessions(Clock.fixed(NOW, ZoneOffset.UTC)).isValid(session, CHANNEL))
        .as("another key").isFalse();
  }

  private static Clock clock(AtomicReference<Instant> now) {
    return new Clock() {
      @Override
      public Instant instant() {
        return now.get();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
  }
}
