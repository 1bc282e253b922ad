package dev.onair.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusRegistryTest {
  /** One sample line of the text format: name, optional labels, value. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*\\})? "
              + "(NaN|[+-]Inf|-?[0-9.eE+-]+)");

  @Test
  void scrape_writesParseableTextFormat() {
    OperatorMetrics metrics = new OperatorMetrics(new PrometheusRegistry());
    metrics.requestCompleted("ivs", "CreateChannel", 200, 3_000_000);
    metrics.requestCompleted("ivs", "CreateChannel", 200, 700_000_000);
    metrics.authorizationDecision("ivs", "deny");
    metrics.registerLiveStreams(() -> 1, () -> Map.of("abc\"d", 2_500_000.0));
    String text = metrics.registry().scrape();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      assertThat(line).matches(SAMPLE);
    }
    assertThat(text)
        .contains("onair_api_requests_total{service=\"ivs\",operation=\"CreateChannel\",status=\"200\"} 2\n")
        .contains("onair_api_request_duration_seconds_bucket{service=\"ivs\",operation=\"CreateChannel\",le=\"0.005\"} 1\n")
        .contains("onair_api_request_duration_seconds_bucket{service=\"ivs\",operation=\"CreateChannel\",le=\"+Inf\"} 2\n")
        .contains("onair_authorization_decisions_total{service=\"ivs\",decision=\"deny\"} 1\n")
        .contains("onair_live_streams 1\n")
        .contains("onair_ingest_bitrate_bits_per_second{channel=\"abc\\\"d\"} 2500000\n")
        .contains("# TYPE jvm_memory_used_bytes gauge\n");
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> observations() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("none", new double[0], List.of(0L, 0L, 0L, 0L)),
        org.junit.jupiter.params.provider.Arguments.of("below every bound", new double[] {0.0}, List.of(1L, 1L, 1L, 1L)),
        org.junit.jupiter.params.provider.Arguments.of("on a bound", new double[] {0.5}, List.of(0L, 1L, 1L, 1L)),
        org.junit.jupiter.params.provider.Arguments.of("above every bound", new double[] {9.0}, List.of(0L, 0L, 0L, 1L)),
        org.junit.jupiter.params.provider.Arguments.of(
            "spread", new double[] {0.05, 0.1, 0.7, 1.0, 3.0}, List.of(2L, 2L, 4L, 5L)));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("observations")
  void histogram_bucketsAreCumulative(String rule, double[] values, List<Long> expected) {
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusRegistry.Histogram histogram = registry.histogram("h", "Test.", new double[] {0.1, 0.5, 1.0}, "k");
    for (double value : values) {
      histogram.observe(value, "v");
    }
    String text = registry.scrape();
    if (values.length == 0) {
      assertThat(text).doesNotContain("h_bucket");
      return;
    }
    assertThat(text)
        .contains("h_bucket{k=\"v\",le=\"0.1\"} " + expected.get(0) + "\n")
        .contains("h_bucket{k=\"v\",le=\"0.5\"} " + expected.get(1) + "\n")
        .contains("h_bucket{k=\"v\",le=\"1\"} " + expected.get(2) + "\n")
        .contains("h_bucket{k=\"v\",le=\"+Inf\"} " + expected.get(3) + "\n")
        .contains("h_count{k=\"v\"} " + values.length + "\n");
    assertThat(histogram.count("v")).isEqualTo(values.length);
  }

  @Test
  void gauges_failingSourceDoesNotBreakScrape() {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.gauges("broken", "Always fails.", () -> { throw new IllegalStateException(); }, "x");
    registry.counter("fine_total", "Works.").inc();
    assertThat(registry.scrape()).contains("fine_total 1\n");
  }

  @Test
  void format_usesPrometheusSpellings() {
    assertThat(List.of(PrometheusRegistry.format(1.0), PrometheusRegistry.format(0.5),
            PrometheusRegistry.format(Double.POSITIVE_INFINITY), PrometheusRegistry.format(Double.NaN)))
        .containsExactly("1", "0.5", "+Inf", "NaN");
  }

  /** Label values as keys: a null label is the empty string, and the caller's array may change afterwards. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      nullValues = "NULL",
      value = {"ivs, GetChannel, ivs, GetChannel", "NULL, GetChannel, '', GetChannel", "ivs, NULL, ivs, ''"})
  void counter_labelValuesAreCopiedAndNullIsEmpty(String service, String operation, String shownService, String shownOperation) {
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusRegistry.Counter counter = registry.counter("c", "Test.", "service", "operation");
    String[] labels = {service, operation};
    counter.inc(labels);
    labels[0] = "changed";
    counter.inc(service, operation);

    assertThat(counter.get(shownService, shownOperation)).isEqualTo(2.0);
    assertThat(registry.scrape())
        .contains("c{service=\"" + shownService + "\",operation=\"" + shownOperation + "\"} 2\n");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {100, 200, 404, 503, 599, 600, 99, 1000})
  void statusText_isTheDecimalStatus(int status) {
    assertThat(OperatorMetrics.statusText(status)).isEqualTo(Integer.toString(status));
  }
}
