package dev.onair.server.frontdoor;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.Caller;
import dev.onair.protocol.http.HttpRequest;

/**
 * A request whose signer is established.
 *
 * @param region the credential scope's region (the operator's region for anonymous requests)
 * @param request the request to serve: the one received, or with its aws-chunked body decoded
 */
public record Authentication(Caller caller, String region, HttpRequest request) {
  public Authentication {
    requireNonNull(caller, "caller is null");
    requireNonNull(region, "region is null");
    requireNonNull(request, "request is null");
  }
}
