package dev.onair.protocol.error;

/**
 * An AWS error code with its HTTP status. Each service declares its codes in an enum implementing this, so the
 * code a client sees is always one the service's model knows.
 */
public interface ErrorCode {
  /** The code as written on the wire, e.g. {@code NoSuchEntity} or {@code ResourceNotFoundException}. */
  String code();

  int httpStatus();

  /** Query protocol's {@code <Type>}: the client's fault (4xx) or the service's (5xx). */
  default boolean isSenderFault() {
    return httpStatus() < 500;
  }

  /** A code outside any service's enum, for generic protocol and authentication failures. */
  static ErrorCode of(String code, int httpStatus) {
    return new SimpleErrorCode(code, httpStatus);
  }
}
