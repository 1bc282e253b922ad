package dev.onair.protocol;

import dev.onair.protocol.error.AwsServiceException;

/**
 * Asks the policy engine. The front door calls it for each operation's declared checks before the handler runs;
 * handlers call it for the extra checks only they can know (CreateRecordingConfiguration's
 * iam:CreateServiceLinkedRole).
 */
@FunctionalInterface
public interface Authorizer {
  /**
   * Returns normally when allowed.
   *
   * @throws AwsServiceException the service's access-denied error with AWS's message when denied
   */
  void require(CallContext context, AuthorizationCheck check);
}
