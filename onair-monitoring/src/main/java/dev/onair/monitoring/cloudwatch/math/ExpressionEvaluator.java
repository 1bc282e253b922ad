package dev.onair.monitoring.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.cloudwatch.math.MathValue.Scalar;
import dev.onair.monitoring.cloudwatch.math.MathValue.Series;
import dev.onair.monitoring.cloudwatch.math.MathValue.SeriesList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

/**
 * Evaluates metric math with CloudWatch's semantics for the supported functions:
 *
 * <ul>
 *   <li>{@code SUM/AVG/MIN/MAX} of an array (or {@code METRICS()}) give one series whose value at each timestamp
 *       aggregates the series that have a point there; of a single series they give a scalar over its points.
 *   <li>Arithmetic between two series keeps the timestamps both have; between a series and a scalar, all points.
 *   <li>{@code FILL(x, value | REPEAT | LINEAR)} gives a point at every period of the query, filling gaps with the
 *       value, the previous point, or a straight line between neighbours.
 *   <li>{@code ABS(x)} and {@code METRICS([labelSubstring])}.
 * </ul>
 */
public final class ExpressionEvaluator {
  private final Function<String, MathValue> references;
  private final List<Series> metrics;
  private final List<Long> grid;

  /**
   * @param references resolves a query id to its value; throws {@link MathException} for unknown ids
   * @param metrics the series of the request's MetricStat queries, for {@code METRICS()}
   * @param grid every period start of the query, oldest first, for FILL
   */
  public ExpressionEvaluator(Function<String, MathValue> references, List<Series> metrics, List<Long> grid) {
    this.references = requireNonNull(references, "references is null");
    this.metrics = List.copyOf(metrics);
    this.grid = List.copyOf(grid);
  }

  public MathValue evaluate(Expr expr) {
    if (expr instanceof Expr.Number number) {
      return new Scalar(number.value());
    }
    if (expr instanceof Expr.Reference reference) {
      return references.apply(reference.name());
    }
    if (expr instanceof Expr.Negate negate) {
      return map(evaluate(negate.operand()), value -> -value);
    }
    if (expr instanceof Expr.Binary binary) {
      return binary(binary.operator(), evaluate(binary.left()), evaluate(binary.right()));
    }
    if (expr instanceof Expr.Array array) {
      List<Series> items = new ArrayList<>();
      for (Expr item : array.items()) {
        addSeries(items, evaluate(item));
      }
      return new SeriesList(items);
    }
    Expr.Call call = (Expr.Call) expr;
    return call(call);
  }

  private MathValue call(Expr.Call call) {
    List<Expr> args = call.arguments();
    switch (call.function()) {
      case "SUM":
        return aggregate(one(call), Double::sum, false);
      case "AVG":
        return aggregate(one(call), Double::sum, true);
      case "MIN":
        return aggregate(one(call), Math::min, false);
      case "MAX":
        return aggregate(one(call), Math::max, false);
      case "ABS":
        return map(one(call), Math::abs);
      case "METRICS":
        return metricsMatching(args);
      case "FILL":
        if (args.size() != 2) {
          throw new MathException("FILL takes two arguments.");
        }
        return fill(evaluate(args.get(0)), args.get(1));
      default:
        throw new MathException("Unsupported function " + call.function() + ".");
    }
  }

  private MathValue one(Expr.Call call) {
    if (call.arguments().size() != 1) {
      throw new MathException(call.function() + " takes one argument.");
    }
    return evaluate(call.arguments().get(0));
  }

  private MathValue metricsMatching(List<Expr> args) {
    if (args.isEmpty()) {
      return new SeriesList(metrics);
    }
    if (!(args.get(0) instanceof Expr.Reference filter)) {
      throw new MathException("METRICS takes a label filter.");
    }
    List<Series> matching = new ArrayList<>();
    for (Series series : metrics) {
      if (series.label().contains(filter.name())) {
        matching.add(series);
      }
    }
    return new SeriesList(matching);
  }

  private static void addSeries(List<Series> target, MathValue value) {
    if (value instanceof Series series) {
      target.add(series);
    } else if (value instanceof SeriesList list) {
      target.addAll(list.series());
    } else {
      throw new MathException("An array may hold only time series.");
    }
  }

  private static MathValue aggregate(MathValue value, DoubleBinaryOperator combine, boolean average) {
    if (value instanceof Scalar) {
      return value;
    }
    if (value instanceof Series series) {
      if (series.points().isEmpty()) {
        return new Scalar(Double.NaN);
      }
      double result = Double.NaN;
      for (double point : series.points().values()) {
        result = Double.isNaN(result) ? point : combine.applyAsDouble(result, point);
      }
      return new Scalar(average ? result / series.points().size() : result);
    }
    NavigableMap<Long, Double> combined = new TreeMap<>();
    Map<Long, Integer> counts = new TreeMap<>();
    for (Series series : ((SeriesList) value).series()) {
      series.points().forEach(
          (time, point) -> {
            combined.merge(time, point, combine::applyAsDouble);
            counts.merge(time, 1, Integer::sum);
          });
    }
    if (average) {
      combined.replaceAll((time, sum) -> sum / counts.get(time));
    }
    return new Series("", combined);
  }

  private static MathValue map(MathValue value, java.util.function.DoubleUnaryOperator operator) {
    if (value instanceof Scalar scalar) {
      return new Scalar(operator.applyAsDouble(scalar.value()));
    }
    if (value instanceof Series series) {
      NavigableMap<Long, Double> points = new TreeMap<>();
      series.points().forEach((time, point) -> points.put(time, operator.applyAsDouble(point)));
      return new Series(series.label(), points);
    }
    List<Series> mapped = new ArrayList<>();
    for (Series series : ((SeriesList) value).series()) {
      mapped.add((Series) map(series, operator));
    }
    return new SeriesList(mapped);
  }

  private static MathValue binary(char operator, MathValue left, MathValue right) {
    DoubleBinaryOperator op = operator(operator);
    if (left instanceof SeriesList list) {
      List<Series> result = new ArrayList<>();
      for (Series series : list.series()) {
        result.add((Series) binary(operator, series, right));
      }
      return new SeriesList(result);
    }
    if (right instanceof SeriesList list) {
      List<Series> result = new ArrayList<>();
      for (Series series : list.series()) {
        result.add((Series) binary(operator, left, series));
      }
      return new SeriesList(result);
    }
    if (left instanceof Scalar a && right instanceof Scalar b) {
      return new Scalar(op.applyAsDouble(a.value(), b.value()));
    }
    if (left instanceof Series series && right instanceof Scalar scalar) {
      return map(series, value -> op.applyAsDouble(value, scalar.value()));
    }
    if (left instanceof Scalar scalar && right instanceof Series series) {
      return map(series, value -> op.applyAsDouble(scalar.value(), value));
    }
    Series a = (Series) left;
    Series b = (Series) right;
    NavigableMap<Long, Double> points = new TreeMap<>();
    a.points().forEach(
        (time, value) -> {
          Double other = b.points().get(time);
          if (other != null) {
            points.put(time, op.applyAsDouble(value, other));
          }
        });
    return new Series(a.label(), points);
  }

  private static DoubleBinaryOperator operator(char operator) {
    switch (operator) {
      case '+':
        return Double::sum;
      case '-':
        return (a, b) -> a - b;
      case '*':
        return (a, b) -> a * b;
      case '/':
        return (a, b) -> a / b;
      default:
        throw new MathException("Unsupported operator " + operator);
    }
  }

  private MathValue fill(MathValue value, Expr how) {
    if (value instanceof SeriesList list) {
      List<Series> filled = new ArrayList<>();
      for (Series series : list.series()) {
        filled.add((Series) fill(series, how));
      }
      return new SeriesList(filled);
    }
    if (!(value instanceof Series series)) {
      throw new MathException("FILL needs a time series.");
    }
    NavigableMap<Long, Double> points = new TreeMap<>(series.points());
    if (how instanceof Expr.Reference word && word.name().equalsIgnoreCase("REPEAT")) {
      Double last = null;
      for (long time : grid) {
        Double present = points.get(time);
        if (present != null) {
          last = present;
        } else if (last != null) {
          points.put(time, last);
        }
      }
      return new Series(series.label(), points);
    }
    if (how instanceof Expr.Reference word && word.name().equalsIgnoreCase("LINEAR")) {
      NavigableMap<Long, Double> original = series.points();
      for (long time : grid) {
        if (original.containsKey(time)) {
          continue;
        }
        Map.Entry<Long, Double> before = original.lowerEntry(time);
        Map.Entry<Long, Double> after = original.higherEntry(time);
        if (before != null && after != null) {
          double fraction = (double) (time - before.getKey()) / (after.getKey() - before.getKey());
          points.put(time, before.getValue() + (after.getValue() - before.getValue()) * fraction);
        }
      }
      return new Series(series.label(), points);
    }
    MathValue filler = evaluate(how);
    if (!(filler instanceof Scalar scalar)) {
      throw new MathException("FILL's second argument must be a number, REPEAT or LINEAR.");
    }
    for (long time : grid) {
      points.putIfAbsent(time, scalar.value());
    }
    return new Series(series.label(), points);
  }
}
