package dev.onair.iam.auth;

import dev.onair.protocol.Caller;

/**
 * Supplies the policies of a principal. {@link #generation()} changes whenever anything that feeds any principal's
 * policies changes (attach, detach, put/delete inline, new default version, group membership, boundary, tags), so
 * a cache keyed by (principal, generation) is never stale. The value is read from the store, which makes it work
 * across nodes that share a database.
 */
public interface PrincipalPolicyResolver {
  PrincipalPolicies policiesFor(Caller caller);

  long generation();
}
