package dev.onair.iam.auth;

import static java.util.Objects.requireNonNull;

/**
 * A policy document as stored, with the name the access-denied message and the simulator report it by.
 *
 * @param source an ARN for managed policies, or {@code user/NAME/POLICY} style text for inline ones
 */
public record NamedPolicyDocument(String source, String document) {
  public NamedPolicyDocument {
    requireNonNull(source, "source is null");
    requireNonNull(document, "document is null");
  }
}
