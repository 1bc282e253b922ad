package dev.onair.monitoring.metrics;

import java.util.Arrays;

/**
 * What a bucket knows about the values that fell into it: count, sum, minimum, maximum, and a bounded sample of
 * the values themselves for percentiles.
 *
 * <p>The sample holds every value while there are at most {@link #MAX_SAMPLES}; beyond that it keeps evenly
 * spaced order statistics of the merged values (always including the extremes), so percentiles over long periods
 * are approximations with bounded storage, much as CloudWatch's own are. Values sent only as a statistic set
 * leave no sample, and percentiles are then unavailable, as in CloudWatch.
 */
public record Aggregate(double sampleCount, double sum, double minimum, double maximum, double[] samples) {
  public static final int MAX_SAMPLES = 32;

  public Aggregate {
    samples = samples == null ? new double[0] : samples.clone();
  }

  public static Aggregate of(double value) {
    return new Aggregate(1, value, value, value, new double[] {value});
  }

  /** Values with repeat counts, as PutMetricData's Values and Counts arrays send them. */
  public static Aggregate ofValues(double[] values, double[] counts) {
    Aggregate result = null;
    for (int i = 0; i < values.length; i++) {
      double count = counts == null || i >= counts.length ? 1 : counts[i];
      double value = values[i];
      double[] sample = new double[(int) Math.min(MAX_SAMPLES, Math.max(1, Math.round(count)))];
      Arrays.fill(sample, value);
      Aggregate one = new Aggregate(count, value * count, value, value, sample);
      result = result == null ? one : result.merge(one);
    }
    return result;
  }

  public static Aggregate ofStatistics(double sampleCount, double sum, double minimum, double maximum) {
    return new Aggregate(sampleCount, sum, minimum, maximum, new double[0]);
  }

  @Override
  public double[] samples() {
    return samples.clone();
  }

  public int sampleSize() {
    return samples.length;
  }

  public double average() {
    return sampleCount == 0 ? Double.NaN : sum / sampleCount;
  }

  public Aggregate merge(Aggregate other) {
    double[] merged = new double[samples.length + other.samples.length];
    System.arraycopy(samples, 0, merged, 0, samples.length);
    System.arraycopy(other.samples, 0, merged, samples.length, other.samples.length);
    return new Aggregate(
        sampleCount + other.sampleCount,
        sum + other.sum,
        Math.min(minimum, other.minimum),
        Math.max(maximum, other.maximum),
        bound(merged));
  }

  /** Keeps at most {@link #MAX_SAMPLES} values: evenly spaced ranks of the sorted input, extremes included. */
  static double[] bound(double[] values) {
    if (values.length <= MAX_SAMPLES) {
      return values;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] kept = new double[MAX_SAMPLES];
    for (int i = 0; i < MAX_SAMPLES; i++) {
      int rank = (int) Math.round((double) i * (sorted.length - 1) / (MAX_SAMPLES - 1));
      kept[i] = sorted[rank];
    }
    return kept;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Aggregate that
        && sampleCount == that.sampleCount
        && sum == that.sum
        && minimum == that.minimum
        && maximum == that.maximum
        && Arrays.equals(samples, that.samples);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(sum) * 31 + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "Aggregate[n=" + sampleCount + ", sum=" + sum + ", min=" + minimum + ", max=" + maximum + "]";
  }
}
