package dev.onair.iam.auth;

import java.util.Optional;

/**
 * Finds the credential behind an access key id, for SigV4 verification. Also records the key's last use, which
 * GetAccessKeyLastUsed reports.
 */
public interface CredentialResolver {
  Optional<ResolvedCredential> resolve(String accessKeyId);

  /** Called after a request signed with the key was authenticated. */
  void recordUse(String accessKeyId, String serviceName, String region, java.time.Instant when);
}
