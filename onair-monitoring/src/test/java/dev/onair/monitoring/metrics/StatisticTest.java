package dev.onair.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatisticTest {
  private static final Aggregate ONE_TO_TEN = Aggregate.ofValues(
      new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, null);

  static Stream<Arguments> statistics() {
    return Stream.of(
        Arguments.of("SampleCount", 10.0),
        Arguments.of("Sum", 55.0),
        Arguments.of("Average", 5.5),
        Arguments.of("Minimum", 1.0),
        Arguments.of("Maximum", 10.0),
        Arguments.of("p0", 1.0),
        Arguments.of("p50", 5.5),
        Arguments.of("p90", 9.1),
        Arguments.of("p99.9", 9.991),
        Arguments.of("p100", 10.0));
  }

  @ParameterizedTest
  @MethodSource("statistics")
  void compute_overOneToTen(String name, double expected) {
    assertThat(Statistic.parse(name).compute(ONE_TO_TEN).getAsDouble()).isCloseTo(expected, within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Median", "p101", "average", "p", "tm99", ""})
  void parse_rejectsUnknownNames(String name) {
    assertThatThrownBy(() -> Statistic.parse(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compute_percentileOfStatisticSetIsUnavailable() {
    Aggregate set = Aggregate.ofStatistics(3, 30, 5, 15);
    assertThat(Statistic.parse("p50").compute(set)).isEmpty();
    assertThat(Statistic.parse("Average").compute(set).getAsDouble()).isEqualTo(10.0);
  }

  @Test
  void compute_valuesWithCountsWeighTheSample() {
    Aggregate weighted = Aggregate.ofValues(new double[] {1, 100}, new double[] {3, 1});
    assertThat(weighted.sampleCount()).isEqualTo(4);
    assertThat(weighted.sum()).isEqualTo(103);
    assertThat(Statistic.parse("p50").compute(weighted).getAsDouble()).isEqualTo(1.0);
  }

  @Test
  void merge_keepsSampleBoundedWithExtremes() {
    Aggregate merged = Aggregate.of(0);
    for (int i = 1; i <= 1000; i++) {
      merged = merged.merge(Aggregate.of(i));
    }
    assertThat(merged.sampleSize()).isEqualTo(Aggregate.MAX_SAMPLES);
    assertThat(merged.sampleCount()).isEqualTo(1001);
    assertThat(merged.minimum()).isEqualTo(0);
    assertThat(merged.maximum()).isEqualTo(1000);
    double[] sample = merged.samples();
    java.util.Arrays.sort(sample);
    assertThat(sample[0]).isEqualTo(0);
    assertThat(sample[sample.length - 1]).isEqualTo(1000);
    // the approximation stays close to the true median of 0..1000
    assertThat(Statistic.parse("p50").compute(merged).getAsDouble()).isCloseTo(500, within(20.0));
  }
}
