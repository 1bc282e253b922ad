package dev.onair.monitoring.metrics;

/** The store already holds as many series as the operator allowed; the API turns this into LimitExceeded. */
public final class MetricLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MetricLimitException(String message) {
    super(message, null, false, false);
  }
}
