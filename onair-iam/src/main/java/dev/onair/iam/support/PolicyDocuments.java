package dev.onair.iam.support;

import dev.onair.iam.IamErrorCode;
import dev.onair.iam.IamErrors;
import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.PolicySizeLimits;
import dev.onair.policy.document.PolicyDocument;
import java.util.regex.Pattern;

/** Write-time checks of policy documents: the model's constraints, IAM's size quotas, then the grammar. */
public final class PolicyDocuments {
  private static final Pattern DOCUMENT = Pattern.compile(Validation.POLICY_DOCUMENT_PATTERN);

  private PolicyDocuments() {}

  /**
   * @param sizeLimit non-whitespace characters allowed, or 0 to skip (inline policies are checked in aggregate)
   * @param sizeMessage the LimitExceeded message
   */
  public static PolicyDocument validate(
      String member, String json, PolicyKind kind, boolean requireCurrentVersion, int sizeLimit, String sizeMessage) {
    Validation.requireNotNull(member, json);
    Validation.length(member, json, 1, 131072);
    Validation.pattern(member, json, DOCUMENT);
    if (sizeLimit > 0 && PolicySizeLimits.exceeds(json, sizeLimit)) {
      throw IamErrors.of(IamErrorCode.LimitExceeded, sizeMessage);
    }
    try {
      return PolicyParser.parse(json, kind, requireCurrentVersion);
    } catch (MalformedPolicyDocumentException e) {
      throw IamErrors.malformed(e.awsMessage());
    }
  }
}
