package dev.onair.live.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.live.recording.ReconnectWindow.Decision;
import dev.onair.live.recording.ReconnectWindow.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReconnectWindowTest {
  private static final Instant START = Instant.parse("2025-02-03T04:00:00Z");
  private static final Instant ENDED = START.plusSeconds(600);
  private static final String RC = "arn:aws:ivs:us-east-1:123456789012:recording-configuration/rc1";

  static Stream<Arguments> cases() {
    return Stream.of(
        // window s, streams so far, config, container, seconds after the end -> decision
        Arguments.of(30, 1, RC, "TS", 0, Decision.MERGE),
        Arguments.of(30, 1, RC, "TS", 30, Decision.MERGE),
        Arguments.of(30, 1, RC, "TS", 31, Decision.WINDOW_PASSED),
        Arguments.of(0, 1, RC, "TS", 0, Decision.NO_WINDOW),
        Arguments.of(300, 1, RC + "x", "TS", 5, Decision.OTHER_CONFIGURATION),
        Arguments.of(300, 1, RC, "FRAGMENTED_MP4", 5, Decision.OTHER_CONTAINER),
        Arguments.of(300, 19, RC, "TS", 5, Decision.MERGE),
        Arguments.of(300, 20, RC, "TS", 5, Decision.TOO_MANY_STREAMS));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void decide(int window, int streams, String config, String container, int after, Decision expected) {
    Waiting waiting = new Waiting(RC, "TS", window, START, ENDED, streams);
    Instant now = ENDED.plusSeconds(after);
    assertThat(ReconnectWindow.decide(waiting, config, container, now)).isEqualTo(expected);
    assertThat(ReconnectWindow.elapsed(waiting, now)).isEqualTo(
        expected == Decision.WINDOW_PASSED || expected == Decision.NO_WINDOW);
  }

  @ParameterizedTest
  @MethodSource("ages")
  void recordingsOlderThan48Hours_startAfresh(Duration age, Decision expected) {
    Instant ended = START.plus(age);
    Waiting waiting = new Waiting(RC, "TS", 60, START, ended, 1);
    assertThat(ReconnectWindow.decide(waiting, RC, "TS", ended.plusSeconds(1))).isEqualTo(expected);
  }

  static Stream<Arguments> ages() {
    return Stream.of(
        Arguments.of(Duration.ofHours(47), Decision.MERGE),
        Arguments.of(Duration.ofHours(48), Decision.TOO_OLD));
  }
}
