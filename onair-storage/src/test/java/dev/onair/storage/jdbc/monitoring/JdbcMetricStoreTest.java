package dev.onair.storage.jdbc.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.Bucket;
import dev.onair.monitoring.metrics.BucketWrite;
import dev.onair.monitoring.metrics.BufferingMetricPublisher;
import dev.onair.monitoring.metrics.Datapoint;
import dev.onair.monitoring.metrics.MetricIngest;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.MetricReader;
import dev.onair.monitoring.metrics.Resolution;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JdbcMetricStore's batched writes on the embedded store; {@link PostgresMetricStoreTest} runs the same on
 * PostgreSQL. Two "nodes" are two connection pools, each with its own store object (and so its own memory of
 * known series), on one database.
 */
class JdbcMetricStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final long S0 = T0.getEpochSecond();
  private static final MetricKey BITRATE = MetricKey.of("AWS/IVS", "IngestBitrate", Map.of("Channel", "abc"));
  private static final MetricKey VIEWS = MetricKey.of("AWS/IVS", "ConcurrentViews", Map.of());

  @TempDir Path dataDir;
  private final List<Database> nodes = new ArrayList<>();

  /** A new pool on this test's database. */
  Database openNode(Path dir) {
    return Database.open(DatabaseSettings.embedded(dir));
  }

  @BeforeEach
  void open() {
    nodes.add(openNode(dataDir));
    nodes.add(openNode(dataDir));
  }

  @AfterEach
  void close() {
    nodes.forEach(Database::close);
  }

  private JdbcMetricStore store(int node) {
    return new JdbcMetricStore(nodes.get(node).jdbc());
  }

  private static BucketWrite write(MetricKey key, Resolution resolution, long start, double... values) {
    Aggregate aggregate = null;
    for (double value : values) {
      aggregate = aggregate == null ? Aggregate.of(value) : aggregate.merge(Aggregate.of(value));
    }
    return new BucketWrite(key, resolution, new Bucket(start, aggregate, "Count"));
  }

  @Test
  void mergeAll_insertsNewBucketsAndMergesIntoExistingOnesInOneBatch() {
    JdbcMetricStore store = store(0);
    store.mergeAll(
        List.of(
            write(BITRATE, Resolution.SECOND, S0, 1),
            write(BITRATE, Resolution.MINUTE, S0, 1),
            write(VIEWS, Resolution.FIVE_MINUTES, S0, 5)),
        T0);
    store.mergeAll(
        List.of(
            write(BITRATE, Resolution.SECOND, S0 + 1, 2), // new
            write(BITRATE, Resolution.MINUTE, S0, 2), // merged into the existing bucket
            write(BITRATE, Resolution.MINUTE, S0, 3), // twice in one batch
            write(VIEWS, Resolution.FIVE_MINUTES, S0, 7)),
        T0.plusSeconds(1));
    assertThat(store.read(Resolution.SECOND, BITRATE, S0, S0 + 10))
        .extracting(Bucket::start, bucket -> bucket.aggregate().sum())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(S0, 1.0), org.assertj.core.groups.Tuple.tuple(S0 + 1, 2.0));
    Aggregate minute = store.read(Resolution.MINUTE, BITRATE, S0, S0 + 60).get(0).aggregate();
    assertThat(minute.sampleCount()).isEqualTo(3);
    assertThat(minute.minimum()).isEqualTo(1);
    assertThat(minute.maximum()).isEqualTo(3);
    assertThat(minute.samples()).containsExactlyInAnyOrder(1, 2, 3);
    Aggregate five = store.read(Resolution.FIVE_MINUTES, VIEWS, S0, S0 + 300).get(0).aggregate();
    assertThat(five.sum()).isEqualTo(12);
    assertThat(store.seriesCount()).isEqualTo(2);
  }

  @Test
  void mergeAll_keepsTheBoundedSampleAcrossPartialWrites() {
    JdbcMetricStore store = store(0);
    for (int partial = 0; partial < 10; partial++) {
      double[] values = new double[6];
      for (int i = 0; i < values.length; i++) {
        values[i] = partial * 6 + i;
      }
      store.mergeAll(List.of(write(BITRATE, Resolution.FIVE_MINUTES, S0, values)), T0.plusSeconds(partial * 30L));
    }
    Aggregate five = store.read(Resolution.FIVE_MINUTES, BITRATE, S0, S0 + 300).get(0).aggregate();
    assertThat(five.sampleCount()).isEqualTo(60);
    assertThat(five.sampleSize()).isEqualTo(Aggregate.MAX_SAMPLES);
    assertThat(five.minimum()).isEqualTo(0);
    assertThat(five.maximum()).isEqualTo(59);
  }

  @Test
  void lastSeen_isWrittenAtMostOncePerTouchInterval() {
    JdbcMetricStore store = store(0);
    store.mergeAll(List.of(write(BITRATE, Resolution.SECOND, S0, 1)), T0);
    store.mergeAll(List.of(write(BITRATE, Resolution.SECOND, S0 + 30, 1)), T0.plusSeconds(30));
    // still the first write's time: the second did not touch the series row
    assertThat(store.find("AWS/IVS", null, null, T0.plusSeconds(1), null, 10)).isEmpty();
    long interval = JdbcMetricStore.TOUCH_INTERVAL_SECONDS;
    store.mergeAll(List.of(write(BITRATE, Resolution.SECOND, S0 + interval, 1)), T0.plusSeconds(interval));
    assertThat(store.find("AWS/IVS", null, null, T0.plusSeconds(interval), null, 10)).containsExactly(BITRATE);
  }

  @Test
  void forgottenSeries_isCreatedAgainByTheNextWrite() {
    JdbcMetricStore store = store(0);
    store.mergeAll(List.of(write(BITRATE, Resolution.FIVE_MINUTES, S0, 1)), T0);
    // another node forgets it (its last_seen is old by then)
    assertThat(store(1).forgetSeries(T0.plusSeconds(1))).isEqualTo(1);
    store.forgetSeries(T0.plusSeconds(1));
    assertThat(store.exists(BITRATE)).isFalse();
    store.mergeAll(List.of(write(BITRATE, Resolution.FIVE_MINUTES, S0 + 300, 1)), T0.plusSeconds(300));
    assertThat(store.exists(BITRATE)).isTrue();
    assertThat(store.find("AWS/IVS", null, null, null, null, 10)).containsExactly(BITRATE);
  }

  /** Data-plane metrics observed on node A, read on node B: the bound ARCHITECTURE.md states. */
  @Test
  void dataPlaneMetrics_reachTheOtherNodeWithEachFlush() {
    MovableClock clock = new MovableClock(T0.plusSeconds(90));
    JdbcMetricStore storeA = store(0);
    BufferingMetricPublisher publisherA = new BufferingMetricPublisher(new MetricIngest(storeA, clock, 100), 1_000);
    MetricReader readerA = new MetricReader(publisherA.visibleThrough(storeA), clock);
    JdbcMetricStore storeB = store(1);
    MetricReader readerB = new MetricReader(storeB, clock);
    for (int s = 0; s < 90; s++) {
      publisherA.record("AWS/IVS", "ConcurrentViews", Map.of(), s, "Count", T0.plusSeconds(s));
    }
    // A sees its pending data at once; B only what A's flushes wrote
    assertThat(counts(readerA.read(VIEWS, T0, T0.plusSeconds(120), 60, null))).containsExactly(60.0, 30.0);
    assertThat(readerB.read(VIEWS, T0, T0.plusSeconds(120), 60, null)).isEmpty();
    publisherA.flush();
    assertThat(counts(readerB.read(VIEWS, T0, T0.plusSeconds(120), 60, null))).containsExactly(60.0, 30.0);
    // roll-ups: the ended minute is written; the open minute, and the open 5 minutes' partial (written once a
    // minute, here first at the next minute), are not yet
    assertThat(storeB.read(Resolution.MINUTE, VIEWS, S0, S0 + 300))
        .extracting(bucket -> bucket.aggregate().sampleCount())
        .containsExactly(60.0);
    assertThat(storeB.read(Resolution.FIVE_MINUTES, VIEWS, S0, S0 + 300)).isEmpty();
    clock.now = T0.plusSeconds(120);
    publisherA.flush();
    assertThat(storeB.read(Resolution.MINUTE, VIEWS, S0, S0 + 300))
        .extracting(bucket -> bucket.aggregate().sampleCount())
        .containsExactly(60.0, 30.0);
    assertThat(storeB.read(Resolution.FIVE_MINUTES, VIEWS, S0, S0 + 300))
        .extracting(bucket -> bucket.aggregate().sampleCount())
        .containsExactly(90.0);
    assertThat(counts(readerA.read(VIEWS, T0, T0.plusSeconds(120), 60, null))).containsExactly(60.0, 30.0);
  }

  private static List<Double> counts(List<Datapoint> points) {
    return points.stream().map(point -> point.aggregate().sampleCount()).toList();
  }

  private static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void twoNodesMergingIntoTheSameBuckets_loseNothing() throws Exception {
    int contenders = 8;
    int rounds = 20;
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      CyclicBarrier barrier = new CyclicBarrier(contenders);
      List<JdbcMetricStore> stores = List.of(store(0), store(1));
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < contenders; c++) {
        JdbcMetricStore store = stores.get(c % 2);
        done.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < rounds; round++) {
                    barrier.await(30, TimeUnit.SECONDS);
                    // both series, every tier, in opposite orders on the two nodes
                    List<BucketWrite> batch =
                        new ArrayList<>(
                            List.of(
                                write(VIEWS, Resolution.SECOND, S0 + round, 1),
                                write(VIEWS, Resolution.MINUTE, S0, 1),
                                write(BITRATE, Resolution.MINUTE, S0, 1),
                                write(BITRATE, Resolution.FIVE_MINUTES, S0, 1)));
                    if (stores.indexOf(store) == 1) {
                      java.util.Collections.reverse(batch);
                    }
                    store.mergeAll(batch, T0.plusSeconds(round));
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    JdbcMetricStore reader = store(0);
    double total = contenders * rounds;
    assertThat(reader.read(Resolution.MINUTE, VIEWS, S0, S0 + 60).get(0).aggregate().sampleCount()).isEqualTo(total);
    assertThat(reader.read(Resolution.MINUTE, BITRATE, S0, S0 + 60).get(0).aggregate().sampleCount()).isEqualTo(total);
    assertThat(reader.read(Resolution.FIVE_MINUTES, BITRATE, S0, S0 + 300).get(0).aggregate().sum()).isEqualTo(total);
    assertThat(reader.read(Resolution.SECOND, VIEWS, S0, S0 + rounds))
        .hasSize(rounds)
        .allSatisfy(bucket -> assertThat(bucket.aggregate().sampleCount()).isEqualTo(contenders));
    assertThat(reader.seriesCount()).isEqualTo(2);
  }
}
