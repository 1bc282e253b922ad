package dev.onair.monitoring.cloudwatch.math;

/** An expression that does not parse or cannot be evaluated; the API reports it as a validation error. */
public final class MathException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MathException(String message) {
    super(message, null, false, false);
  }
}
