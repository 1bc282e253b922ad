package dev.onair.iam.auth;

import java.util.List;

/**
 * Every policy document that governs a principal's requests, unevaluated: the server compiles and caches them
 * with the policy engine.
 *
 * @param identityPolicies inline and attached policies of the user and all its groups, or of the role
 * @param permissionsBoundary the user's or role's boundary; null when none is set
 * @param sessionPolicies AssumeRole session policies; empty when none were passed
 * @param root whether the principal is the account root user (allowed all that is not explicitly denied)
 */
public record PrincipalPolicies(
    List<NamedPolicyDocument> identityPolicies,
    NamedPolicyDocument permissionsBoundary,
    List<NamedPolicyDocument> sessionPolicies,
    boolean root) {
  public PrincipalPolicies {
    identityPolicies = List.copyOf(identityPolicies);
    sessionPolicies = List.copyOf(sessionPolicies);
  }
}
