package dev.onair.iam.analyzer;

import dev.onair.policy.PolicyKind;
import dev.onair.policy.validation.Finding;
import dev.onair.policy.validation.PathElement;
import dev.onair.policy.validation.PolicyValidator;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * ValidatePolicy: the engine's validator (IAM's own refusals as ERROR findings, then Access Analyzer's extra
 * checks), each finding located in the document by path and span, paged by maxResults/nextToken.
 */
final class ValidatePolicyOperation {
  static final String NAME = "ValidatePolicy";
  static final int DEFAULT_PAGE = 100;
  private static final Set<String> POLICY_TYPES =
      Set.of("IDENTITY_POLICY", "RESOURCE_POLICY", "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY");
  private static final Set<String> LOCALES =
      Set.of("DE", "EN", "ES", "FR", "IT", "JA", "KO", "PT_BR", "ZH_CN", "ZH_TW");
  private static final Set<String> RESOURCE_TYPES =
      Set.of(
          "AWS::S3::Bucket",
          "AWS::S3::AccessPoint",
          "AWS::S3::MultiRegionAccessPoint",
          "AWS::S3ObjectLambda::AccessPoint",
          "AWS::IAM::AssumeRolePolicyDocument",
          "AWS::DynamoDB::Table");
  private static final String TOKEN_PREFIX = "findings:";

  StructNode handle(StructNode input) {
    String document = input.string("policyDocument");
    String policyType = input.string("policyType");
    requirePresent("policyDocument", document);
    requirePresent("policyType", policyType);
    requireEnum("policyType", policyType, POLICY_TYPES);
    String locale = input.string("locale");
    if (locale != null) {
      requireEnum("locale", locale, LOCALES);
    }
    String resourceType = input.string("validatePolicyResourceType");
    if (resourceType != null) {
      requireEnum("validatePolicyResourceType", resourceType, RESOURCE_TYPES);
    }
    Integer maxResults = input.integer("maxResults");
    if (maxResults != null && maxResults < 1) {
      throw AccessAnalyzerServiceDefinition.validation(
          "1 validation error detected: Value '" + maxResults + "' at 'maxResults' failed to satisfy constraint: "
              + "Member must have value greater than or equal to 1",
          "fieldValidationFailed");
    }
    int from = decodeToken(input.string("nextToken"));

    List<Finding> findings = PolicyValidator.validate(document, kind(policyType, resourceType));
    if (from > findings.size()) {
      throw AccessAnalyzerServiceDefinition.validation("Invalid nextToken", "fieldValidationFailed");
    }
    int to = Math.min(findings.size(), from + (maxResults == null ? DEFAULT_PAGE : maxResults));
    PolicyLocator locator = new PolicyLocator(document);
    ListNode page = ListNode.map(findings.subList(from, to), finding -> finding(finding, locator));
    StructNode.Builder output = StructNode.builder().put("findings", page);
    if (to < findings.size()) {
      output.put("nextToken", encodeToken(to));
    }
    return output.build();
  }

  /** Trust policies are resource policies on a role; SCPs use the identity grammar (no Principal). */
  static PolicyKind kind(String policyType, String resourceType) {
    return switch (policyType) {
      case "RESOURCE_POLICY" ->
          "AWS::IAM::AssumeRolePolicyDocument".equals(resourceType) ? PolicyKind.TRUST : PolicyKind.RESOURCE;
      case "RESOURCE_CONTROL_POLICY" -> PolicyKind.RESOURCE;
      default -> PolicyKind.IDENTITY;
    };
  }

  private static StructNode finding(Finding finding, PolicyLocator locator) {
    PolicyLocator.Span span = locator.span(finding.path());
    StructNode location =
        StructNode.builder()
            .put("path", ListNode.map(finding.path(), ValidatePolicyOperation::pathElement))
            .put(
                "span",
                StructNode.builder().put("start", position(span.start())).put("end", position(span.end())).build())
            .build();
    return StructNode.builder()
        .put("findingDetails", finding.message())
        .put("findingType", finding.findingType().name())
        .put("issueCode", finding.issueCode())
        .put("learnMoreLink", finding.learnMoreLink())
        .put("locations", ListNode.of(location))
        .build();
  }

  private static StructNode pathElement(PathElement element) {
    StructNode.Builder union = StructNode.builder();
    if (element.key() != null) {
      union.put("key", element.key());
    } else if (element.index() != null) {
      union.put("index", NumberNode.of(element.index()));
    } else {
      union.put("value", element.value());
    }
    return union.build();
  }

  private static StructNode position(PolicyLocator.Position position) {
    return StructNode.builder()
        .put("line", position.line())
        .put("column", position.column())
        .put("offset", position.offset())
        .build();
  }

  private static void requirePresent(String member, String value) {
    if (value == null) {
      throw AccessAnalyzerServiceDefinition.validation(
          "1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: "
              + "Member must not be null",
          "fieldValidationFailed");
    }
  }

  private static void requireEnum(String member, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw AccessAnalyzerServiceDefinition.validation(
          "1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
              + "Member must satisfy enum value set: " + new java.util.TreeSet<>(allowed),
          "fieldValidationFailed");
    }
  }

  /** Tokens are opaque to clients; a base64 offset is enough because the findings are recomputed each call. */
  private static String encodeToken(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeToken(String token) {
    if (token == null) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith(TOKEN_PREFIX)) {
        int offset = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException invalid) {
      // falls through to the same answer as any other unreadable token
    }
    throw AccessAnalyzerServiceDefinition.validation("Invalid nextToken", "fieldValidationFailed");
  }
}
