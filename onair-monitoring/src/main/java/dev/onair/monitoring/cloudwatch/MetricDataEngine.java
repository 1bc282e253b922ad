package dev.onair.monitoring.cloudwatch;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.cloudwatch.math.Expr;
import dev.onair.monitoring.cloudwatch.math.ExpressionEvaluator;
import dev.onair.monitoring.cloudwatch.math.ExpressionParser;
import dev.onair.monitoring.cloudwatch.math.MathException;
import dev.onair.monitoring.cloudwatch.math.MathValue;
import dev.onair.monitoring.metrics.Datapoint;
import dev.onair.monitoring.metrics.MetricReader;
import dev.onair.monitoring.metrics.Statistic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a set of metric data queries over a time range: reads the MetricStat series, evaluates expressions that
 * refer to them (and to each other, in any order, cycles refused), and returns the entries with ReturnData. Used
 * by GetMetricData and by the alarm evaluator, so an alarm sees exactly what a client querying it would.
 */
public final class MetricDataEngine {
  private final MetricReader reader;

  public MetricDataEngine(MetricReader reader) {
    this.reader = requireNonNull(reader, "reader is null");
  }

  /** @throws MathException for an expression that cannot be parsed or evaluated */
  public List<MetricDataResult> run(List<MetricDataQuery> queries, Instant start, Instant end) {
    Map<String, MetricDataQuery> byId = new LinkedHashMap<>();
    for (MetricDataQuery query : queries) {
      if (byId.put(query.id(), query) != null) {
        throw new MathException("The Id " + query.id() + " is used more than once.");
      }
    }
    int gridPeriod = gridPeriod(queries);
    List<Long> grid = grid(start, end, gridPeriod);
    Map<String, MathValue> values = new HashMap<>();
    List<MathValue.Series> metricSeries = new ArrayList<>();
    for (MetricDataQuery query : queries) {
      if (!query.isExpression()) {
        MathValue.Series series = readSeries(query, start, end);
        values.put(query.id(), series);
        metricSeries.add(series);
      }
    }
    Map<String, Expr> parsed = new HashMap<>();
    for (MetricDataQuery query : queries) {
      if (query.isExpression()) {
        parsed.put(query.id(), ExpressionParser.parse(query.expression()));
      }
    }
    Set<String> evaluating = new HashSet<>();
    ExpressionEvaluator[] evaluator = new ExpressionEvaluator[1];
    evaluator[0] =
        new ExpressionEvaluator(
            id -> resolve(id, byId, parsed, values, evaluating, evaluator[0]), metricSeries, grid);
    List<MetricDataResult> results = new ArrayList<>();
    for (MetricDataQuery query : queries) {
      MathValue value = resolve(query.id(), byId, parsed, values, evaluating, evaluator[0]);
      if (!query.returnData()) {
        continue;
      }
      results.addAll(toResults(query, value, grid));
    }
    return results;
  }

  private static MathValue resolve(
      String id,
      Map<String, MetricDataQuery> byId,
      Map<String, Expr> parsed,
      Map<String, MathValue> values,
      Set<String> evaluating,
      ExpressionEvaluator evaluator) {
    MathValue known = values.get(id);
    if (known != null) {
      return known;
    }
    if (!byId.containsKey(id)) {
      throw new MathException("Unrecognized metric id or function: " + id);
    }
    if (!evaluating.add(id)) {
      throw new MathException("Circular reference involving " + id);
    }
    MathValue value = evaluator.evaluate(parsed.get(id));
    evaluating.remove(id);
    values.put(id, value);
    return value;
  }

  private MathValue.Series readSeries(MetricDataQuery query, Instant start, Instant end) {
    Statistic statistic = Statistic.parse(query.stat());
    NavigableMap<Long, Double> points = new TreeMap<>();
    for (Datapoint point : reader.read(query.metric(), start, end, query.period(), query.unit())) {
      OptionalDouble value = statistic.compute(point.aggregate());
      if (value.isPresent()) {
        points.put(point.timestamp().getEpochSecond(), value.getAsDouble());
      }
    }
    return new MathValue.Series(query.labelOrDefault(), points);
  }

  private static int gridPeriod(List<MetricDataQuery> queries) {
    int smallest = Integer.MAX_VALUE;
    for (MetricDataQuery query : queries) {
      if (query.period() != null) {
        smallest = Math.min(smallest, query.period());
      }
    }
    return smallest == Integer.MAX_VALUE ? 60 : smallest;
  }

  static List<Long> grid(Instant start, Instant end, int period) {
    List<Long> grid = new ArrayList<>();
    long first = Math.floorDiv(start.getEpochSecond(), period) * period;
    // bounded so that a 1-second grid over a long range cannot exhaust memory; GetMetricData caps points anyway
    for (long time = first; time < end.getEpochSecond() && grid.size() < 100_800; time += period) {
      grid.add(time);
    }
    return grid;
  }

  private static List<MetricDataResult> toResults(MetricDataQuery query, MathValue value, List<Long> grid) {
    String label = query.labelOrDefault();
    if (value instanceof MathValue.Series series) {
      return List.of(fromPoints(query.id(), label, series.points()));
    }
    if (value instanceof MathValue.SeriesList list) {
      List<MetricDataResult> results = new ArrayList<>();
      for (MathValue.Series series : list.series()) {
        String seriesLabel = series.label().isEmpty() ? label : series.label();
        results.add(fromPoints(query.id(), seriesLabel, series.points()));
      }
      return results;
    }
    // CloudWatch draws a scalar result as a flat line across the query's periods
    double scalar = ((MathValue.Scalar) value).value();
    NavigableMap<Long, Double> points = new TreeMap<>();
    if (!Double.isNaN(scalar)) {
      for (long time : grid) {
        points.put(time, scalar);
      }
    }
    return List.of(fromPoints(query.id(), label, points));
  }

  private static MetricDataResult fromPoints(String id, String label, NavigableMap<Long, Double> points) {
    List<Long> timestamps = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    points.forEach(
        (time, value) -> {
          if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            timestamps.add(time);
            values.add(value);
          }
        });
    return new MetricDataResult(id, label, timestamps, values);
  }
}
