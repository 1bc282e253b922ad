package dev.onair.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.monitoring.FixedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetricStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final MetricKey KEY =
      MetricKey.of("AWS/IVS", "IngestVideoBitrate", Map.of("Channel", "abc"));

  private final FixedClock clock = new FixedClock(T0);
  private final InMemoryMetricStore store = new InMemoryMetricStore();
  private final MetricIngest ingest = new MetricIngest(store, clock, 100);
  private final MetricReader reader = new MetricReader(store, clock);

  /** One value per second for ten minutes: v(t) = seconds since T0. */
  private void fillTenMinutes() {
    List<MetricDatum> data = new java.util.ArrayList<>();
    for (int s = 0; s < 600; s++) {
      data.add(new MetricDatum(KEY, T0.plusSeconds(s), Aggregate.of(s), "Bits/Second"));
    }
    clock.set(T0.plusSeconds(600));
    ingest.write(data);
  }

  static Stream<Arguments> rollups() {
    return Stream.of(
        // period, expected points, first point's sum, first point's count
        Arguments.of(1, 600, 0.0, 1.0),
        Arguments.of(10, 60, 45.0, 10.0),
        Arguments.of(60, 10, 1770.0, 60.0),
        Arguments.of(300, 2, 44850.0, 300.0),
        Arguments.of(600, 1, 179700.0, 600.0));
  }

  @ParameterizedTest
  @MethodSource("rollups")
  void read_groupsTiersIntoPeriods(int period, int points, double firstSum, double firstCount) {
    fillTenMinutes();
    List<Datapoint> read = reader.read(KEY, T0, T0.plusSeconds(600), period, null);
    assertThat(read).hasSize(points);
    assertThat(read.get(0).aggregate().sum()).isEqualTo(firstSum);
    assertThat(read.get(0).aggregate().sampleCount()).isEqualTo(firstCount);
    assertThat(read.get(0).timestamp()).isEqualTo(T0);
  }

  @Test
  void read_olderThanThreeHoursComesFromTheMinuteTier() {
    fillTenMinutes();
    clock.advance(Duration.ofHours(4));
    new MetricMaintenance(store, clock).run();
    assertThat(store.read(Resolution.SECOND, KEY, 0, Long.MAX_VALUE)).isEmpty();
    List<Datapoint> read = reader.read(KEY, T0, T0.plusSeconds(600), 60, null);
    assertThat(read).hasSize(10);
    assertThat(read.get(9).aggregate().maximum()).isEqualTo(599);
    // a 1-second period so far back falls back to the finest tier still holding data
    assertThat(reader.read(KEY, T0, T0.plusSeconds(600), 1, null)).hasSize(10);
  }

  @Test
  void maintenance_expiresEachTierAndForgetsIdleSeries() {
    fillTenMinutes();
    clock.advance(Duration.ofDays(16));
    new MetricMaintenance(store, clock).run();
    assertThat(store.read(Resolution.MINUTE, KEY, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(store.read(Resolution.FIVE_MINUTES, KEY, 0, Long.MAX_VALUE)).hasSize(2);
    clock.advance(Duration.ofDays(60));
    new MetricMaintenance(store, clock).run();
    assertThat(store.seriesCount()).isZero();
  }

  @Test
  void write_refusesNewSeriesBeyondTheCapButKeepsKnownOnes() {
    MetricIngest small = new MetricIngest(store, clock, 1);
    small.write(List.of(new MetricDatum(KEY, T0, Aggregate.of(1), null)));
    MetricKey other = MetricKey.of("AWS/IVS", "IngestFramerate", Map.of("Channel", "abc"));
    assertThatThrownBy(
            () ->
                small.write(
                    List.of(
                        new MetricDatum(other, T0, Aggregate.of(1), null),
                        new MetricDatum(KEY, T0, Aggregate.of(2), null))))
        .isInstanceOf(MetricLimitException.class);
    assertThat(store.read(Resolution.SECOND, KEY, 0, Long.MAX_VALUE).get(0).aggregate().sum()).isEqualTo(3);
  }

  @Test
  void read_filtersByUnit() {
    ingest.write(List.of(new MetricDatum(KEY, T0, Aggregate.of(5), "Bits/Second")));
    assertThat(reader.read(KEY, T0, T0.plusSeconds(60), 60, "Bits/Second")).hasSize(1);
    assertThat(reader.read(KEY, T0, T0.plusSeconds(60), 60, "Count")).isEmpty();
  }

  @Test
  void publisher_mergesObservationsPerSecondUntilFlushed() {
    BufferingMetricPublisher publisher = new BufferingMetricPublisher(ingest, 10);
    publisher.record("AWS/IVS", "ConcurrentStreams", Map.of(), 1, "Count", T0.plusMillis(100));
    publisher.record("AWS/IVS", "ConcurrentStreams", Map.of(), 3, "Count", T0.plusMillis(900));
    MetricKey streams = MetricKey.of("AWS/IVS", "ConcurrentStreams", Map.of());
    assertThat(store.exists(streams)).isFalse();
    publisher.flush();
    List<Bucket> buckets = store.read(Resolution.SECOND, streams, 0, Long.MAX_VALUE);
    assertThat(buckets).hasSize(1);
    assertThat(buckets.get(0).aggregate().average()).isEqualTo(2);
  }

  @Test
  void seriesId_ignoresDimensionOrder() {
    java.util.LinkedHashMap<String, String> ab = new java.util.LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    java.util.LinkedHashMap<String, String> ba = new java.util.LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    assertThat(MetricKey.of("n", "m", ab).seriesId()).isEqualTo(MetricKey.of("n", "m", ba).seriesId());
    assertThat(MetricKey.of("n", "m", ab).seriesId()).isNotEqualTo(MetricKey.of("n", "m2", ab).seriesId());
  }
}
