package dev.onair.rtmp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The receive low-water mark follows the publish's own byte rate, only while publishing. */
class ReadBatchingTest {
  private static final long SECOND = 1_000_000_000L;

  /** One read per step: {publishing, media bytes before it, nanoseconds since start}. */
  record Step(boolean publishing, int bytes, long at) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("3.13 Mbps for a second: 50 ms of it", 50,
            List.of(new Step(true, 0, 0), new Step(true, 391_250, SECOND)), List.of(19_562)),
        Arguments.of("commands before the publish never move the mark", 50,
            List.of(new Step(false, 0, 0), new Step(false, 0, 2 * SECOND)), List.of()),
        Arguments.of("not measured before a whole second", 50,
            List.of(new Step(true, 0, 0), new Step(true, 391_250, SECOND / 2)), List.of()),
        Arguments.of("a 20 Mbps stream is capped below the receive buffer", 50,
            List.of(new Step(true, 0, 0), new Step(true, 2_500_000, SECOND)), List.of(ReadBatching.MAX_MARK)),
        Arguments.of("a change under a quarter is not worth a system call", 50,
            List.of(new Step(true, 0, 0), new Step(true, 400_000, SECOND), new Step(true, 440_000, 2 * SECOND)),
            List.of(20_000)),
        Arguments.of("the rate halves: the mark follows", 50,
            List.of(new Step(true, 0, 0), new Step(true, 400_000, SECOND), new Step(true, 200_000, 2 * SECOND)),
            List.of(20_000, 10_000)),
        Arguments.of("the publish ends: back to one byte at once", 50,
            List.of(new Step(true, 0, 0), new Step(true, 400_000, SECOND), new Step(false, 0, SECOND + 1)),
            List.of(20_000, 1)),
        Arguments.of("no media for a second: one byte", 50,
            List.of(new Step(true, 0, 0), new Step(true, 400_000, SECOND), new Step(true, 0, 2 * SECOND)),
            List.of(20_000, 1)),
        Arguments.of("batching off", 0,
            List.of(new Step(true, 0, 0), new Step(true, 400_000, SECOND)), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readComplete_setsTheMark(String rule, long batchMillis, List<Step> steps, List<Integer> marksSet) {
    List<Integer> set = new ArrayList<>();
    ReadBatching batching = new ReadBatching(mark -> set.add(mark), Duration.ofMillis(batchMillis));
    for (Step step : steps) {
      batching.media(step.bytes());
      batching.readComplete(step.publishing(), step.at());
    }
    assertThat(set).isEqualTo(marksSet);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readComplete_socketWithoutTheOption_triesOnce(String rule, long batchMillis, List<Step> steps,
      List<Integer> marksSet) {
    List<Integer> tried = new ArrayList<>();
    ReadBatching batching = new ReadBatching(mark -> tried.add(mark) && false, Duration.ofMillis(batchMillis));
    for (Step step : steps) {
      batching.media(step.bytes());
      batching.readComplete(step.publishing(), step.at());
    }
    assertThat(tried).hasSizeLessThanOrEqualTo(1);
    assertThat(batching.mark()).isEqualTo(1);
  }
}
