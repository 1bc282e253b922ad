package dev.onair.bench.glass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Median / p95 / min / max, rounded to the millisecond; the same definition as bench/media.py's summary(). */
final class Stats {
  private Stats() {}

  static Map<String, Object> summary(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> v = new ArrayList<>(values);
    v.sort(null);
    int n = v.size();
    double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("median", round(median));
    out.put("p95", round(v.get(Math.min(n - 1, (int) (0.95 * n)))));
    out.put("min", round(v.get(0)));
    out.put("max", round(v.get(n - 1)));
    out.put("n", n);
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
