package dev.onair.protocol;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.StructNode;

/**
 * Runs one AWS operation in process, as a given caller, through the same authorization the HTTP API applies:
 * every check the operation declares is asked of the policy engine before its handler runs. The web console uses
 * it so that a page can do nothing the signed-in principal could not do with the API.
 */
@FunctionalInterface
public interface OperationInvoker {
  /**
   * @param signingName the service, by SigV4 signing name ({@code iam}, {@code ivs})
   * @param operationName the operation exactly as AWS names it ({@code CreatePolicy})
   * @param origin the browser request that led to this call; its address, user agent and transport feed the
   *     global condition keys (aws:SourceIp, aws:SecureTransport), as for an API request
   * @return the operation's result, never an error
   * @throws dev.onair.protocol.error.AwsServiceException the service's error, e.g. AccessDenied with AWS's
   *     message, exactly as the API would have answered
   */
  OperationResult invoke(
      String signingName, String operationName, StructNode input, Caller caller, HttpRequest origin);
}
