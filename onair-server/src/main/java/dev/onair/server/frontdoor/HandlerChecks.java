package dev.onair.server.frontdoor;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.Authorizer;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The authorizer a handler asks when its operation declares no checks up front. Without it such a call never
 * reached the audit trail (CloudTrail LookupEvents had no CreateChannel) and a denial inside the handler was
 * logged as allowed: it keeps the allowed checks for {@link CallObserver#completed} and reports a denial exactly
 * as the front door does for a declared check.
 */
final class HandlerChecks implements Authorizer {
  private final Authorizer delegate;
  private final ErrorCode accessDenied;
  private final CallRecord record;
  private final CallObserver observer;
  private final List<AuthorizationCheck> allowed = new ArrayList<>(2);
  private boolean denied;

  HandlerChecks(Authorizer delegate, ErrorCode accessDenied, CallRecord record, CallObserver observer) {
    this.delegate = delegate;
    this.accessDenied = accessDenied;
    this.record = record;
    this.observer = observer;
  }

  @Override
  public void require(CallContext context, AuthorizationCheck check) {
    try {
      delegate.require(context, check);
    } catch (AwsServiceException e) {
      if (e.errorCode().code().equals(accessDenied.code())) {
        denied = true;
        record.action = check.action();
        record.decision = ApiCallLog.Decision.DENY;
        observer.denied(context, check, e);
      }
      throw e;
    }
    allowed.add(check);
  }

  /** The checks allowed so far, in the order the handler made them. */
  List<AuthorizationCheck> allowed() {
    return allowed;
  }

  /** Whether a check was denied (and already reported to the observer). */
  boolean denied() {
    return denied;
  }
}
