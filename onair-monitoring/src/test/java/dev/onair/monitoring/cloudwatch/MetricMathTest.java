package dev.onair.monitoring.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.monitoring.FixedClock;
import dev.onair.monitoring.cloudwatch.math.ExpressionParser;
import dev.onair.monitoring.cloudwatch.math.MathException;
import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.InMemoryMetricStore;
import dev.onair.monitoring.metrics.MetricDatum;
import dev.onair.monitoring.metrics.MetricIngest;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.MetricReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two series over four minutes: a = 1, 2, 3, 4; b = 10, (missing), 30, 40.
 */
class MetricMathTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final MetricKey A = MetricKey.of("Test", "A", Map.of());
  private static final MetricKey B = MetricKey.of("Test", "B", Map.of());

  private final FixedClock clock = new FixedClock(T0.plusSeconds(240));
  private final InMemoryMetricStore store = new InMemoryMetricStore();
  private MetricDataEngine engine;

  @BeforeEach
  void fill() {
    MetricIngest ingest = new MetricIngest(store, clock, 10);
    List<MetricDatum> data = new ArrayList<>();
    double[] a = {1, 2, 3, 4};
    double[] b = {10, Double.NaN, 30, 40};
    for (int minute = 0; minute < 4; minute++) {
      Instant time = T0.plusSeconds(60L * minute);
      data.add(new MetricDatum(A, time, Aggregate.of(a[minute]), null));
      if (!Double.isNaN(b[minute])) {
        data.add(new MetricDatum(B, time, Aggregate.of(b[minute]), null));
      }
    }
    ingest.write(data);
    engine = new MetricDataEngine(new MetricReader(store, clock));
  }

  static Stream<Arguments> expressions() {
    return Stream.of(
        Arguments.of("a + b", List.of(11.0, 33.0, 44.0)),
        Arguments.of("b - a", List.of(9.0, 27.0, 36.0)),
        Arguments.of("a * 2 + 1", List.of(3.0, 5.0, 7.0, 9.0)),
        Arguments.of("-a / 2", List.of(-0.5, -1.0, -1.5, -2.0)),
        Arguments.of("(a + 1) * (a - 1)", List.of(0.0, 3.0, 8.0, 15.0)),
        Arguments.of("SUM([a, b])", List.of(11.0, 2.0, 33.0, 44.0)),
        Arguments.of("AVG([a, b])", List.of(5.5, 2.0, 16.5, 22.0)),
        Arguments.of("MAX(METRICS())", List.of(10.0, 2.0, 30.0, 40.0)),
        Arguments.of("min([a, b])", List.of(1.0, 2.0, 3.0, 4.0)),
        Arguments.of("SUM(a)", List.of(10.0, 10.0, 10.0, 10.0)),
        Arguments.of("FILL(b, 0)", List.of(10.0, 0.0, 30.0, 40.0)),
        Arguments.of("FILL(b, REPEAT)", List.of(10.0, 10.0, 30.0, 40.0)),
        Arguments.of("FILL(b, LINEAR)", List.of(10.0, 20.0, 30.0, 40.0)),
        Arguments.of("FILL(b, 0) + a", List.of(11.0, 2.0, 33.0, 44.0)),
        Arguments.of("ABS(a - 3)", List.of(2.0, 1.0, 0.0, 1.0)),
        Arguments.of("e1 * 10", List.of(10.0, 20.0, 30.0, 40.0)));
  }

  @ParameterizedTest
  @MethodSource("expressions")
  void run_evaluatesExpression(String expression, List<Double> expected) {
    List<MetricDataQuery> queries =
        List.of(
            stat("a", A),
            stat("b", B),
            new MetricDataQuery("e1", null, null, null, null, "a", null, false),
            new MetricDataQuery("x", null, 60, null, null, expression, "result", true));
    List<MetricDataResult> results = engine.run(queries, T0, T0.plusSeconds(240));
    MetricDataResult x = results.stream().filter(r -> r.id().equals("x")).findFirst().orElseThrow();
    assertThat(x.values()).containsExactlyElementsOf(expected);
    assertThat(x.label()).isEqualTo("result");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a +", "SUM(", "a b", "1..2", "[a, b", ")"})
  void parse_rejectsMalformedExpressions(String expression) {
    assertThatThrownBy(() -> ExpressionParser.parse(expression)).isInstanceOf(MathException.class);
  }

  @Test
  void run_refusesUnknownIdsAndCycles() {
    assertThatThrownBy(
            () -> engine.run(List.of(new MetricDataQuery("x", null, 60, null, null, "nope + 1", null, true)), T0, T0.plusSeconds(240)))
        .isInstanceOf(MathException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(
            () ->
                engine.run(
                    List.of(
                        new MetricDataQuery("x", null, 60, null, null, "y + 1", null, true),
                        new MetricDataQuery("y", null, 60, null, null, "x + 1", null, true)),
                    T0,
                    T0.plusSeconds(240)))
        .isInstanceOf(MathException.class)
        .hasMessageContaining("Circular");
  }

  @Test
  void run_returnsOnlyReturnDataEntries() {
    List<MetricDataResult> results =
        engine.run(
            List.of(
                new MetricDataQuery("a", A, 60, "Sum", null, null, null, false),
                new MetricDataQuery("x", null, 60, null, null, "a * 10", null, true)),
            T0,
            T0.plusSeconds(240));
    assertThat(results).extracting(MetricDataResult::id).containsExactly("x");
  }

  private static MetricDataQuery stat(String id, MetricKey key) {
    return new MetricDataQuery(id, key, 60, "Average", null, null, null, true);
  }
}
