package dev.onair.iam.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Temporary credentials issued by AssumeRole or GetSessionToken, without their secrets.
 *
 * @param principalType ROLE for AssumeRole sessions, USER for GetSessionToken
 * @param principalId the role id (AROA…) or user id (AIDA…)
 * @param sessionPolicy the inline session policy; null when none
 * @param policyArns the session's managed policy ARNs
 * @param sourceArn the identity that asked for the credentials
 */
public record StsSession(
    String accessKeyId,
    String accountId,
    PrincipalType principalType,
    String principalId,
    String roleArn,
    String sessionName,
    Instant issuedAt,
    Instant expiresAt,
    String sessionPolicy,
    List<String> policyArns,
    List<Tag> sessionTags,
    String sourceArn) {
  public enum PrincipalType {
    ROLE,
    USER
  }

  public StsSession {
    requireNonNull(accessKeyId, "accessKeyId is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(principalType, "principalType is null");
    requireNonNull(principalId, "principalId is null");
    requireNonNull(issuedAt, "issuedAt is null");
    requireNonNull(expiresAt, "expiresAt is null");
    policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
    sessionTags = sessionTags == null ? List.of() : List.copyOf(sessionTags);
  }
}
