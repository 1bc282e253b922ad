package dev.onair.ivs.fakes;

import dev.onair.ivs.IvsErrorCode;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.Authorizer;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.error.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every check and denies those matching a predicate (allow-all by default). */
public final class FakeAuthorizer implements Authorizer {
  public final List<AuthorizationCheck> checks = new ArrayList<>();
  public Predicate<AuthorizationCheck> deny = check -> false;

  @Override
  public void require(CallContext context, AuthorizationCheck check) {
    checks.add(check);
    if (deny.test(check)) {
      throw new AwsServiceException(IvsErrorCode.ACCESS_DENIED, "User: " + context.caller().arn()
          + " is not authorized to perform: " + check.action() + " on resource: " + check.resourceArn());
    }
  }
}
