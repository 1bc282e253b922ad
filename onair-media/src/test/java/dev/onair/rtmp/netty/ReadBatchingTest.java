package dev.onair.rtmp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The receive low-water mark follows the publish's own byte rate, only while publishing, and the stall check puts it
 * back to 1 byte when reads stop behind it.
 */
class ReadBatchingTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final Duration CHECK = Duration.ofMillis(100);

  /** One read per step: {publishing, media bytes before it, nanoseconds since start}. */
  record Step(boolean publishing, int bytes, long at) {}

  /** A mark set, and when (milliseconds). */
  record Mark(int mark, long atMillis) {}

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
    FakeTicker ticker = new FakeTicker();
    ReadBatching batching = new ReadBatching(mark -> set.add(mark), ticker, () -> ticker.now,
        Duration.ofMillis(batchMillis), CHECK);
    for (Step step : steps) {
      batching.media(step.bytes());
      batching.readComplete(step.publishing(), step.at());
    }
    assertThat(set).isEqualTo(marksSet);
    assertThat(batching.checking()).as("checks run exactly while the mark is above 1 byte")
        .isEqualTo(batching.mark() > 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readComplete_socketWithoutTheOption_triesOnce(String rule, long batchMillis, List<Step> steps,
      List<Integer> marksSet) {
    List<Integer> tried = new ArrayList<>();
    FakeTicker ticker = new FakeTicker();
    ReadBatching batching = new ReadBatching(mark -> tried.add(mark) && false, ticker, () -> ticker.now,
        Duration.ofMillis(batchMillis), CHECK);
    for (Step step : steps) {
      batching.media(step.bytes());
      batching.readComplete(step.publishing(), step.at());
    }
    assertThat(tried).hasSizeLessThanOrEqualTo(1);
    assertThat(batching.mark()).isEqualTo(1);
    assertThat(ticker.started).as("no checks without the option").isZero();
  }

  /** Reads every {@code everyMillis} from {@code fromMillis} (exclusive) to {@code toMillis}, each after bytes. */
  private static List<Step> reads(long fromMillis, long toMillis, long everyMillis, int bytes) {
    List<Step> steps = new ArrayList<>();
    for (long t = fromMillis + everyMillis; t <= toMillis; t += everyMillis) {
      steps.add(new Step(true, bytes, t * MS));
    }
    return steps;
  }

  @SafeVarargs
  private static List<Step> timeline(List<Step>... parts) {
    List<Step> all = new ArrayList<>();
    all.add(new Step(true, 0, 0)); // the first read while publishing starts the measurement
    for (List<Step> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  /**
   * Batch 50 ms, check every 100 ms: when no read completes for 100 ms while the mark is above 1 byte, the next
   * check (at most 100 ms later) sets it back to 1. 19,550 bytes every 50 ms is 3.13 Mbps.
   */
  static Stream<Arguments> stalls() {
    return Stream.of(
        Arguments.of("steady stream, a read every 50 ms: no set-mark call beyond the measured one",
            timeline(reads(0, 5_000, 50, 19_550)), 5_000L,
            List.of(new Mark(19_550, 1_000)), 0L),
        Arguments.of("reads every 90 ms, just inside the bound: never dropped",
            timeline(reads(0, 5_040, 90, 35_190)), 5_040L,
            List.of(new Mark(19_550, 1_080)), 0L),
        Arguments.of("sharp drop (100×) at 2 s: no read behind the mark, set to 1 byte 100 ms after the last read; the"
                + " low rate then gets its own mark",
            timeline(reads(0, 2_000, 50, 19_550), reads(2_100, 4_000, 50, 195)), 4_000L,
            List.of(new Mark(19_550, 1_000), new Mark(1, 2_100), new Mark(175, 3_000)), 1L),
        Arguments.of("stop at 2 s, start again at 4 s: 1 byte while stopped, the full mark a second after the restart",
            timeline(reads(0, 2_000, 50, 19_550), reads(4_000, 6_050, 50, 19_550)), 6_050L,
            List.of(new Mark(19_550, 1_000), new Mark(1, 2_100), new Mark(476, 4_050), new Mark(19_550, 5_050)), 1L),
        Arguments.of("stop for good: set to 1 byte once, and the checks stop",
            timeline(reads(0, 2_000, 50, 19_550)), 8_000L,
            List.of(new Mark(19_550, 1_000), new Mark(1, 2_100)), 1L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalls")
  void check_putsAStalledMarkBackToOneByte(String rule, List<Step> steps, long endMillis, List<Mark> expected,
      long drops) {
    FakeTicker ticker = new FakeTicker();
    List<Mark> set = new ArrayList<>();
    ReadBatching batching = new ReadBatching(mark -> set.add(new Mark(mark, ticker.now / MS)), ticker,
        () -> ticker.now, Duration.ofMillis(50), CHECK);
    for (Step step : steps) {
      ticker.advanceTo(step.at());
      batching.media(step.bytes());
      batching.readComplete(step.publishing(), step.at());
    }
    ticker.advanceTo(endMillis * MS);
    assertThat(set).isEqualTo(expected);
    assertThat(batching.stallDrops()).isEqualTo(drops);
    assertThat(batching.checking()).as("checks run exactly while the mark is above 1 byte")
        .isEqualTo(batching.mark() > 1);
    assertThat(ticker.pending()).isEqualTo(batching.checking() ? 1 : 0);
  }

  static Stream<Arguments> switches() {
    return Stream.of(
        Arguments.of("batching off: no mark, no checks", 0L, 100L, List.of(), 0),
        Arguments.of("stall check off: the mark stays behind a stall (the old behaviour)", 50L, 0L,
            List.of(new Mark(19_550, 1_000)), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("switches")
  void offSwitches(String rule, long batchMillis, long checkMillis, List<Mark> expected, int checksStarted) {
    FakeTicker ticker = new FakeTicker();
    List<Mark> set = new ArrayList<>();
    ReadBatching batching = new ReadBatching(mark -> set.add(new Mark(mark, ticker.now / MS)), ticker,
        () -> ticker.now, Duration.ofMillis(batchMillis), Duration.ofMillis(checkMillis));
    for (Step step : timeline(reads(0, 2_000, 50, 19_550))) {
      ticker.advanceTo(step.at());
      batching.media(step.bytes());
      batching.readComplete(step.publishing(), step.at());
    }
    ticker.advanceTo(8 * SECOND);
    assertThat(set).isEqualTo(expected);
    assertThat(ticker.started).isEqualTo(checksStarted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalls")
  void close_cancelsTheChecks(String rule, List<Step> steps, long endMillis, List<Mark> expected, long drops) {
    FakeTicker ticker = new FakeTicker();
    ReadBatching batching = new ReadBatching(mark -> true, ticker, () -> ticker.now, Duration.ofMillis(50), CHECK);
    for (Step step : steps) {
      ticker.advanceTo(step.at());
      batching.media(step.bytes());
      batching.readComplete(step.publishing(), step.at());
    }
    batching.close();
    assertThat(ticker.pending()).isZero();
  }

  static Stream<Arguments> kicks() {
    return Stream.of(
        Arguments.of("batching: back to 1 byte and checks stopped, then set again", 50L, true, List.of(19_550, 1, 1)),
        Arguments.of("mark already 1 byte (batching off): set each time, so the kernel re-tests readiness", 0L, true,
            List.of(1, 1)),
        Arguments.of("no such option: tried once, never again", 50L, false, List.of(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kicks")
  void kick_twice_reArmsTheRead(String rule, long batchMillis, boolean supported, List<Integer> expected) {
    FakeTicker ticker = new FakeTicker();
    List<Integer> set = new ArrayList<>();
    ReadBatching batching = new ReadBatching(mark -> set.add(mark) && supported, ticker, () -> ticker.now,
        Duration.ofMillis(batchMillis), CHECK);
    if (supported) {
      for (Step step : timeline(reads(0, 1_000, 50, 19_550))) {
        ticker.advanceTo(step.at());
        batching.media(step.bytes());
        batching.readComplete(step.publishing(), step.at());
      }
    }
    batching.kick();
    batching.kick();
    assertThat(set).isEqualTo(expected);
    assertThat(batching.mark()).isEqualTo(1);
    assertThat(ticker.pending()).isZero();
  }

  /** A clock and a periodic scheduler in one: advancing the clock runs the checks that fall due, in order. */
  static final class FakeTicker implements ReadBatching.Ticker {
    long now;
    int started;
    private final List<Periodic> tasks = new ArrayList<>();

    private record Periodic(long period, Runnable task, CompletableFuture<Void> future, long[] next) {}

    @Override
    public Future<?> every(long periodNanos, Runnable check) {
      started++;
      CompletableFuture<Void> future = new CompletableFuture<>();
      tasks.add(new Periodic(periodNanos, check, future, new long[] {now + periodNanos}));
      return future;
    }

    void advanceTo(long at) {
      while (true) {
        tasks.removeIf(t -> t.future().isCancelled());
        Periodic due = tasks.stream().filter(t -> t.next()[0] <= at).min((a, b) -> Long.compare(a.next()[0],
            b.next()[0])).orElse(null);
        if (due == null) {
          break;
        }
        now = due.next()[0];
        due.next()[0] += due.period();
        due.task().run();
      }
      now = Math.max(now, at);
    }

    long pending() {
      tasks.removeIf(t -> t.future().isCancelled());
      return tasks.size();
    }
  }
}
