package dev.onair.protocol.error;

import static java.util.Objects.requireNonNull;

/**
 * An error code that no service enum owns: the protocol layer's and the front door's generic failures
 * (InvalidAction, SerializationException, MissingAuthenticationToken...), whose wire name depends on the protocol.
 */
public record SimpleErrorCode(String code, int httpStatus) implements ErrorCode {
  public SimpleErrorCode {
    requireNonNull(code, "code is null");
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx: " + httpStatus);
    }
  }
}
