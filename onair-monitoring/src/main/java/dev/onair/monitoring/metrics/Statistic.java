package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistic as CloudWatch names it: the five standard ones or a percentile {@code pNN} / {@code pNN.NN}.
 *
 * @param name the name as the client wrote it, echoed back in ExtendedStatistics keys
 * @param percentile for {@link Kind#PERCENTILE}, 0..100
 */
public record Statistic(Kind kind, double percentile, String name) {
  public enum Kind {
    SAMPLE_COUNT,
    AVERAGE,
    SUM,
    MINIMUM,
    MAXIMUM,
    PERCENTILE
  }

  private static final Pattern PERCENTILE = Pattern.compile("[pP](\\d{1,3}(?:\\.\\d{1,10})?)");

  public Statistic {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
  }

  /** @throws IllegalArgumentException for a name CloudWatch would reject */
  public static Statistic parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("statistic is missing");
    }
    switch (text) {
      case "SampleCount":
        return new Statistic(Kind.SAMPLE_COUNT, 0, text);
      case "Average":
        return new Statistic(Kind.AVERAGE, 0, text);
      case "Sum":
        return new Statistic(Kind.SUM, 0, text);
      case "Minimum":
        return new Statistic(Kind.MINIMUM, 0, text);
      case "Maximum":
        return new Statistic(Kind.MAXIMUM, 0, text);
      default:
        Matcher matcher = PERCENTILE.matcher(text);
        if (matcher.matches()) {
          double value = Double.parseDouble(matcher.group(1));
          if (value >= 0 && value <= 100) {
            return new Statistic(Kind.PERCENTILE, value, text);
          }
        }
        throw new IllegalArgumentException("Unsupported statistic: " + text);
    }
  }

  public boolean isExtended() {
    return kind == Kind.PERCENTILE;
  }

  /** The statistic over an aggregate; empty when it cannot be computed (a percentile without samples). */
  public OptionalDouble compute(Aggregate aggregate) {
    if (aggregate.sampleCount() <= 0) {
      return OptionalDouble.empty();
    }
    switch (kind) {
      case SAMPLE_COUNT:
        return OptionalDouble.of(aggregate.sampleCount());
      case AVERAGE:
        return OptionalDouble.of(aggregate.average());
      case SUM:
        return OptionalDouble.of(aggregate.sum());
      case MINIMUM:
        return OptionalDouble.of(aggregate.minimum());
      case MAXIMUM:
        return OptionalDouble.of(aggregate.maximum());
      case PERCENTILE:
        return percentile(aggregate.samples(), percentile);
    }
    throw new IllegalStateException("unknown kind " + kind);
  }

  /**
   * Linear interpolation between closest ranks (the "R7"/Excel method): p0 is the minimum, p100 the maximum, and
   * p50 of an even count is the mean of the two middle values.
   */
  static OptionalDouble percentile(double[] values, double percentile) {
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double rank = percentile / 100.0 * (sorted.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = (int) Math.ceil(rank);
    double fraction = rank - lower;
    return OptionalDouble.of(sorted[lower] + (sorted[upper] - sorted[lower]) * fraction);
  }
}
