package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * Who signed the request, as established by SigV4 and the credential store. Holds identifiers only, never a
 * secret: the access key id is an identifier AWS itself logs.
 *
 * @param arn the principal's ARN: the user ARN, {@code arn:aws:iam::ACCOUNT:root}, or for an assumed role the
 *     session ARN {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}
 * @param userId AWS's aws:userid: account id (root), AIDA… (user), {@code AROA…:session} (assumed role)
 * @param name the user or role name; null for root
 * @param roleArn for assumed-role sessions, the role's ARN (aws:PrincipalArn); otherwise null
 * @param sessionName for assumed-role sessions; otherwise null
 * @param tokenIssueTime for temporary credentials; otherwise null
 */
public record Caller(
    CallerType type,
    String accountId,
    String arn,
    String userId,
    String name,
    String accessKeyId,
    String roleArn,
    String sessionName,
    Instant tokenIssueTime,
    Map<String, String> principalTags) {

  public Caller {
    requireNonNull(type, "type is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(arn, "arn is null");
    requireNonNull(userId, "userId is null");
    principalTags = principalTags == null ? Map.of() : Map.copyOf(principalTags);
  }

  public enum CallerType {
    ROOT,
    USER,
    ASSUMED_ROLE,
    ANONYMOUS
  }

  public boolean temporaryCredentials() {
    return tokenIssueTime != null;
  }

  /** The ARN that identity policies and aws:PrincipalArn refer to: the role for sessions, else the caller. */
  public String principalArn() {
    return roleArn != null ? roleArn : arn;
  }
}
