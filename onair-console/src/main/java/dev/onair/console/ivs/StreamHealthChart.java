package dev.onair.console.ivs;

import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Html;
import dev.onair.console.web.Ui;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import dev.onair.protocol.tree.TimestampNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stream health over a session: ingest video bitrate and frame rate from CloudWatch's AWS/IVS metrics
 * (GetMetricData, as the caller, so it needs cloudwatch:GetMetricData like AWS's console), drawn as inline SVG on
 * the server. No charting script: the numbers are also given as text for screen readers.
 */
final class StreamHealthChart {
  private static final int WIDTH = 600;
  private static final int HEIGHT = 140;

  /** One series read back from GetMetricData, oldest first. */
  private record Series(List<Instant> times, List<Double> values) {}

  private StreamHealthChart() {}

  static Html render(ConsoleRequest request, Api api, String channelArn, Instant start, Instant end) {
    String channelId = IvsText.lastSegment(channelArn);
    Instant until = end == null ? Instant.now() : end;
    if (!until.isAfter(start)) {
      until = start.plusSeconds(1);
    }
    long span = Duration.between(start, until).toSeconds();
    int period = span <= 3 * 3600 ? 10 : 60;
    StructNode input = Api.input(
        "MetricDataQueries", new ListNode(List.of(
            query("bitrate", "IngestVideoBitrate", channelId, period),
            query("framerate", "IngestFramerate", channelId, period))),
        "StartTime", new TimestampNode(start.minusSeconds(period)),
        "EndTime", new TimestampNode(until.plusSeconds(period)),
        "ScanBy", "TimestampAscending");
    try {
      StructNode output = api.call(request, "monitoring", "GetMetricData", input);
      Series bitrate = null;
      Series framerate = null;
      for (StructNode result : Api.structs(output, "MetricDataResults")) {
        Series series = series(result);
        if ("bitrate".equals(result.string("Id"))) {
          bitrate = series;
        } else if ("framerate".equals(result.string("Id"))) {
          framerate = series;
        }
      }
      return Html.of("<div class=\"charts\" id=\"stream-health-charts\">{}{}</div>",
          chart("Ingest video bitrate", "kbps", scale(bitrate, 0.001)),
          chart("Ingest frame rate", "fps", framerate));
    } catch (AwsServiceException e) {
      return Ui.error(e);
    }
  }

  private static StructNode query(String id, String metric, String channelId, int period) {
    StructNode dimension = Api.input("Name", "Channel", "Value", channelId);
    StructNode metricNode = Api.input("Namespace", "AWS/IVS", "MetricName", metric,
        "Dimensions", new ListNode(List.of(dimension)));
    return Api.input("Id", id, "MetricStat", Api.input("Metric", metricNode, "Period", period, "Stat", "Average"),
        "ReturnData", true);
  }

  private static Series series(StructNode result) {
    List<Instant> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    ListNode timestamps = result.list("Timestamps");
    ListNode numbers = result.list("Values");
    for (int i = 0; i < Math.min(timestamps.size(), numbers.size()); i++) {
      Instant time = instant(timestamps.items().get(i));
      Double value = number(numbers.items().get(i));
      if (time != null && value != null) {
        times.add(time);
        values.add(value);
      }
    }
    return new Series(times, values);
  }

  private static Instant instant(Node node) {
    if (node instanceof TimestampNode timestamp) {
      return timestamp.value();
    }
    try {
      return Instant.parse(node.asText());
    } catch (RuntimeException notIso) {
      return null;
    }
  }

  private static Double number(Node node) {
    if (node instanceof NumberNode number) {
      return number.value().doubleValue();
    }
    try {
      return new BigDecimal(node.asText()).doubleValue();
    } catch (RuntimeException notNumber) {
      return null;
    }
  }

  private static Series scale(Series series, double factor) {
    if (series == null) {
      return null;
    }
    return new Series(series.times(), series.values().stream().map(value -> value * factor).toList());
  }

  private static Html chart(String title, String unit, Series series) {
    if (series == null || series.values().isEmpty()) {
      return Html.of("<figure class=\"chart\"><figcaption>{} ({})</figcaption><p class=\"hint\">No data points yet.</p></figure>",
          title, unit);
    }
    double max = series.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double min = series.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double average = series.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double top = max <= 0 ? 1 : max * 1.1;
    long first = series.times().get(0).getEpochSecond();
    long last = series.times().get(series.times().size() - 1).getEpochSecond();
    long span = Math.max(1, last - first);
    StringBuilder points = new StringBuilder();
    if (series.values().size() == 1) {
      // one sample so far: a level line, since a single point draws nothing
      double y = HEIGHT - series.values().get(0) / top * HEIGHT;
      points.append(String.format(Locale.ROOT, "0,%.1f %d,%.1f ", y, WIDTH, y));
    }
    for (int i = 0; series.values().size() > 1 && i < series.values().size(); i++) {
      double x = series.values().size() == 1 ? WIDTH / 2.0
          : (series.times().get(i).getEpochSecond() - first) * (double) WIDTH / span;
      double y = HEIGHT - series.values().get(i) / top * HEIGHT;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    String summary = String.format(Locale.ROOT, "%s: %d data point(s), minimum %.1f, average %.1f, maximum %.1f %s",
        title, series.values().size(), min, average, max, unit);
    return Html.of(
        "<figure class=\"chart\"><figcaption>{} ({})</figcaption>"
            + "<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" preserveAspectRatio=\"none\">"
            + "<line x1=\"0\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d5dbdb\" stroke-width=\"1\"></line>"
            + "<polyline fill=\"none\" stroke=\"#0972d3\" stroke-width=\"2\" points=\"{}\"></polyline></svg>"
            + "<p class=\"hint\">{}</p></figure>",
        title, unit, WIDTH, HEIGHT, summary, HEIGHT, WIDTH, HEIGHT, points.toString().trim(), summary);
  }
}
