package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.http.HttpRequest;
import java.time.Instant;

/**
 * Everything an operation may know about the call besides its input: who, where from, when, which region, and
 * the authorizer to ask for extra checks. Built once per request by the front door.
 *
 * @param accountId the account that owns the resources the request addresses (Onair serves one account per
 *     installation; it is still passed explicitly so services never assume it)
 * @param region the region of the request's credential scope (or the operator's region for unsigned requests)
 */
public record CallContext(
    String requestId,
    String accountId,
    String region,
    Caller caller,
    Instant requestTime,
    HttpRequest httpRequest,
    Authorizer authorizer) {

  public CallContext {
    requireNonNull(requestId, "requestId is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(region, "region is null");
    requireNonNull(caller, "caller is null");
    requireNonNull(requestTime, "requestTime is null");
    requireNonNull(httpRequest, "httpRequest is null");
    requireNonNull(authorizer, "authorizer is null");
  }

  public void require(AuthorizationCheck check) {
    authorizer.require(this, check);
  }

  /** The same call, asking {@code replacement} for the checks its handler makes. */
  public CallContext withAuthorizer(Authorizer replacement) {
    return new CallContext(requestId, accountId, region, caller, requestTime, httpRequest, replacement);
  }
}
