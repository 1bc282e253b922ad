package dev.onair.server.frontdoor;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.Authorizer;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * One call's authorization checks, declared or made by its handler: each goes to the policy engine, an allowed one
 * is kept for {@link CallObserver#completed}, and a denial is reported to the observer and the call log before the
 * service's access-denied error propagates. Before checks made in a handler went through it, such calls (IVS's
 * CreateChannel) never reached the audit trail and a denial there was logged as allowed.
 */
final class CallChecks implements Authorizer {
  private final Authorizer delegate;
  private final ErrorCode accessDenied;
  private final CallRecord record;
  private final CallObserver observer;
  private final List<AuthorizationCheck> allowed = new ArrayList<>(2);
  private boolean denied;

  CallChecks(Authorizer delegate, ErrorCode accessDenied, CallRecord record, CallObserver observer) {
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

  /** The checks allowed so far, in the order they were made. */
  List<AuthorizationCheck> allowed() {
    return allowed;
  }

  /** Whether a check was denied (and already reported to the observer). */
  boolean denied() {
    return denied;
  }
}
