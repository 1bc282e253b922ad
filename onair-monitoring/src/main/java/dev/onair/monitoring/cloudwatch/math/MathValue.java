package dev.onair.monitoring.cloudwatch.math;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** What an expression evaluates to: a number, one time series, or an array of them. */
public sealed interface MathValue {
  record Scalar(double value) implements MathValue {}

  /** Points keyed by epoch second; absent keys are missing data. */
  record Series(String label, NavigableMap<Long, Double> points) implements MathValue {
    public Series {
      points = Collections.unmodifiableNavigableMap(new TreeMap<>(points));
    }
  }

  record SeriesList(List<Series> series) implements MathValue {
    public SeriesList {
      series = List.copyOf(series);
    }
  }
}
