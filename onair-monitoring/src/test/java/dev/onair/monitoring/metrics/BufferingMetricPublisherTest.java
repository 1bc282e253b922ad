package dev.onair.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.monitoring.FixedClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BufferingMetricPublisherTest {
  // on a 5-minute boundary, so every tier's bucket starts here
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final MetricKey STREAMS = MetricKey.of("AWS/IVS", "ConcurrentStreams", Map.of());

  private final FixedClock clock = new FixedClock(T0);
  private final InMemoryMetricStore store = new InMemoryMetricStore();
  private final MetricIngest ingest = new MetricIngest(store, clock, 100);

  private void recordOnePerSecond(BufferingMetricPublisher publisher, int fromSecond, int toSecond) {
    for (int s = fromSecond; s < toSecond; s++) {
      publisher.record("AWS/IVS", "ConcurrentStreams", Map.of(), s, "Count", T0.plusSeconds(s));
    }
  }

  private double storedCount(Resolution resolution) {
    return store.read(resolution, STREAMS, 0, Long.MAX_VALUE).stream()
        .mapToDouble(bucket -> bucket.aggregate().sampleCount())
        .sum();
  }

  static Stream<Arguments> flushSchedule() {
    return Stream.of(
        // values recorded for seconds [0, recordedUpTo), flush at T0 + flushAt:
        // how many of them the store then holds in the 1 s, 1 min and 5 min tiers
        Arguments.of(10, 10, 10.0, 0.0, 0.0), // same minute: only 1-second buckets are written
        Arguments.of(59, 59, 59.0, 0.0, 0.0),
        Arguments.of(60, 60, 60.0, 60.0, 60.0), // minute ended: its bucket, and the 5-minute partial
        Arguments.of(61, 61, 61.0, 60.0, 61.0), // the open minute stays in memory; 5-minute partial includes it
        Arguments.of(300, 300, 300.0, 300.0, 300.0),
        Arguments.of(30, 200, 30.0, 30.0, 30.0)); // a late flush writes everything that has ended
  }

  @ParameterizedTest
  @MethodSource("flushSchedule")
  void flush_writesEveryOneSecondBucketAndRollupsOncePerMinute(
      int recordedUpTo, int flushAt, double seconds, double minutes, double fiveMinutes) {
    BufferingMetricPublisher publisher = new BufferingMetricPublisher(ingest, 1_000);
    recordOnePerSecond(publisher, 0, recordedUpTo);
    clock.set(T0.plusSeconds(flushAt));
    publisher.flush();
    assertThat(storedCount(Resolution.SECOND)).isEqualTo(seconds);
    assertThat(storedCount(Resolution.MINUTE)).isEqualTo(minutes);
    assertThat(storedCount(Resolution.FIVE_MINUTES)).isEqualTo(fiveMinutes);
  }

  @Test
  void readsThroughThePublisher_seePendingBucketsExactlyOnce() {
    BufferingMetricPublisher publisher = new BufferingMetricPublisher(ingest, 1_000);
    MetricStore visible = publisher.visibleThrough(store);
    MetricReader reader = new MetricReader(visible, clock);
    recordOnePerSecond(publisher, 0, 90);
    clock.set(T0.plusSeconds(90));
    for (int flushes = 0; flushes < 3; flushes++) {
      for (Resolution resolution : Resolution.values()) {
        List<Bucket> read = visible.read(resolution, STREAMS, 0, Long.MAX_VALUE);
        assertThat(read.stream().mapToDouble(bucket -> bucket.aggregate().sampleCount()).sum())
            .as("%s after %d flushes", resolution, flushes)
            .isEqualTo(90);
        assertThat(read.stream().mapToDouble(bucket -> bucket.aggregate().sum()).sum()).isEqualTo(89 * 90 / 2.0);
      }
      List<Datapoint> minutes = reader.read(STREAMS, T0, T0.plusSeconds(120), 60, null);
      assertThat(minutes).extracting(point -> point.aggregate().sampleCount()).containsExactly(60.0, 30.0);
      publisher.flush();
    }
    assertThat(storedCount(Resolution.MINUTE)).isEqualTo(60);
    assertThat(publisher.pendingCount()).isEqualTo(1); // the open minute
  }

  @Test
  void flushAll_writesOpenBucketsToo() {
    BufferingMetricPublisher publisher = new BufferingMetricPublisher(ingest, 1_000);
    recordOnePerSecond(publisher, 0, 45);
    clock.set(T0.plusSeconds(45));
    publisher.flushAll();
    assertThat(storedCount(Resolution.SECOND)).isEqualTo(45);
    assertThat(storedCount(Resolution.MINUTE)).isEqualTo(45);
    assertThat(storedCount(Resolution.FIVE_MINUTES)).isEqualTo(45);
    assertThat(publisher.pendingCount()).isZero();
  }

  @Test
  void record_dropsNewSeriesBeyondTheBoundButKeepsPendingOnes() {
    // one series holds three slots (one per tier)
    BufferingMetricPublisher publisher = new BufferingMetricPublisher(ingest, 3);
    publisher.record("AWS/IVS", "ConcurrentStreams", Map.of(), 1, "Count", T0);
    publisher.record("AWS/IVS", "ConcurrentViews", Map.of(), 1, "Count", T0);
    publisher.record("AWS/IVS", "ConcurrentStreams", Map.of(), 2, "Count", T0.plusSeconds(1));
    assertThat(publisher.droppedCount()).isEqualTo(1);
    clock.set(T0.plusSeconds(2));
    publisher.flush();
    assertThat(storedCount(Resolution.SECOND)).isEqualTo(2);
    assertThat(store.exists(MetricKey.of("AWS/IVS", "ConcurrentViews", Map.of()))).isFalse();
  }

  @Test
  void flush_countsBucketsOfSeriesRefusedByTheSeriesCap() {
    BufferingMetricPublisher publisher = new BufferingMetricPublisher(new MetricIngest(store, clock, 1), 1_000);
    publisher.record("AWS/IVS", "ConcurrentStreams", Map.of(), 1, "Count", T0);
    publisher.record("AWS/IVS", "ConcurrentViews", Map.of(), 1, "Count", T0);
    clock.set(T0.plusSeconds(1));
    publisher.flush();
    assertThat(store.seriesCount()).isEqualTo(1);
    assertThat(publisher.droppedCount()).isEqualTo(1);
  }

  @Test
  void concurrentRecordFlushAndRead_neverCountAValueTwiceAndLoseNone() throws Exception {
    BufferingMetricPublisher publisher = new BufferingMetricPublisher(ingest, 100_000);
    MetricStore visible = publisher.visibleThrough(store);
    int values = 20_000;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(2);
    List<Thread> threads = new ArrayList<>();
    // attempted is counted before a record, completed after: a read must fall between the two
    AtomicLong attempted = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    threads.add(
        new Thread(
            () -> {
              started.countDown();
              for (int i = 0; i < values; i++) {
                attempted.incrementAndGet();
                // timestamps spread over three minutes, so roll-ups are flushed while being written
                publisher.record("AWS/IVS", "ConcurrentStreams", Map.of(), 1, "Count", T0.plusSeconds(i % 180));
                completed.incrementAndGet();
              }
              done.set(true);
            }));
    threads.add(
        new Thread(
            () -> {
              started.countDown();
              try {
                while (!done.get()) {
                  long before = completed.get();
                  double seen = 0;
                  for (Bucket bucket : visible.read(Resolution.MINUTE, STREAMS, 0, Long.MAX_VALUE)) {
                    seen += bucket.aggregate().sampleCount();
                  }
                  long after = attempted.get();
                  if (seen < before || seen > after) {
                    throw new AssertionError("read " + seen + " values while " + before + ".." + after + " were recorded");
                  }
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            }));
    threads.forEach(Thread::start);
    started.await();
    int flushes = 0;
    while (!done.get()) {
      // each flush sees a new minute, so 5-minute partials and ended minutes are written while recording goes
      // on; the clock stays within the 1-second tier's three hours so that no value falls out of retention
      clock.set(T0.plusSeconds(60L * (flushes++ % 150)));
      publisher.flush();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    publisher.flushAll();
    assertThat(failure.get()).isNull();
    for (Resolution resolution : Resolution.values()) {
      assertThat(storedCount(resolution)).as(resolution.name()).isEqualTo(values);
    }
  }
}
