package dev.onair.iam.sts;

import dev.onair.policy.PrincipalInfo;
import dev.onair.protocol.Caller;

/** Translates the front door's {@link Caller} into the policy engine's {@link PrincipalInfo}. */
public final class CallerPrincipals {
  private CallerPrincipals() {}

  public static PrincipalInfo of(Caller caller) {
    return switch (caller.type()) {
      case ROOT -> PrincipalInfo.root(caller.accountId());
      case USER -> PrincipalInfo.user(caller.arn(), caller.accountId(), caller.name(), caller.userId(),
          caller.principalTags());
      case ASSUMED_ROLE -> PrincipalInfo.assumedRole(caller.roleArn(), caller.arn(), caller.accountId(),
          caller.userId().substring(0, caller.userId().indexOf(':')), caller.sessionName(), caller.principalTags());
      case ANONYMOUS -> PrincipalInfo.anonymous();
    };
  }
}
