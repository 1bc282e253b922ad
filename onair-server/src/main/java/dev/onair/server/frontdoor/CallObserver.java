package dev.onair.server.frontdoor;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.error.AwsServiceException;
import java.util.List;

/**
 * Hears the outcome of every AWS call, for the audit trail and operator metrics. Kept as a port so the front door
 * does not know where events go; implementations must not throw and must not block on slow storage.
 */
public interface CallObserver {
  CallObserver NONE = new CallObserver() {};

  /** A check was denied; the handler does not run. */
  default void denied(CallContext context, AuthorizationCheck check, AwsServiceException denial) {}

  /**
   * Every check allowed and the handler ran.
   *
   * @param failure the AWS error the handler answered with, or null when it succeeded
   */
  default void completed(CallContext context, List<AuthorizationCheck> checks, AwsServiceException failure) {}

  /** Any call, authenticated or not, once its response exists. */
  default void responded(String service, String operation, int status, long durationNanos) {}
}
