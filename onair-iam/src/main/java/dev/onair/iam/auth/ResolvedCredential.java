package dev.onair.iam.auth;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.Caller;
import dev.onair.protocol.Secret;
import java.time.Instant;

/**
 * An access key as SigV4 verification needs it: the secret in the clear (decrypted from the store only for the
 * duration of the check), whose it is, and whether it may still be used.
 *
 * @param sessionToken for temporary (ASIA…) credentials the token the request must present; null otherwise
 * @param expiration for temporary credentials; null otherwise
 */
public record ResolvedCredential(
    Caller caller, Secret secretAccessKey, boolean active, Secret sessionToken, Instant expiration) {
  public ResolvedCredential {
    requireNonNull(caller, "caller is null");
    requireNonNull(secretAccessKey, "secretAccessKey is null");
  }

  public boolean temporary() {
    return sessionToken != null;
  }
}
