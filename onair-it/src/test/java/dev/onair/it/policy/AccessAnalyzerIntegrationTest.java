package dev.onair.it.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.it.AwsCli;
import dev.onair.it.OnairExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.accessanalyzer.model.Locale;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFindingType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResourceType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;

/** Access Analyzer's ValidatePolicy through the SDK and both CLIs: findings, locations, paging, errors. */
class AccessAnalyzerIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  static final String FLAWED = """
      {
        "Statement": [
          {"Effect": "Allow", "Action": ["ivs:GetChannel", "ivs:GetChanel"], "Resource": "*"},
          {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
          {"Effect": "Allow", "Action": "ivs:ListChannels", "Resource": "*",
           "Condition": {"StringEquals": {"aws:RequestTag/team": "blue*"}}}
        ]
      }""";

  static PolicyClients admin;

  @BeforeAll
  static void setUp() {
    admin = PolicyClients.admin(ONAIR.process());
  }

  @AfterAll
  static void tearDown() {
    admin.close();
  }

  private static List<ValidatePolicyFinding> validate(String document, PolicyType type) {
    return admin.analyzer.validatePolicy(b -> b.policyDocument(document).policyType(type).locale(Locale.EN))
        .findings();
  }

  @Test
  void validatePolicy_flawedIdentityPolicy_findingsOfEachType() {
    List<ValidatePolicyFinding> findings = validate(FLAWED, PolicyType.IDENTITY_POLICY);
    assertThat(findings).extracting(ValidatePolicyFinding::issueCode).containsExactlyInAnyOrder(
        "INVALID_ACTION", "PASS_ROLE_WITH_STAR_IN_RESOURCE", "WILDCARD_WITHOUT_LIKE_OPERATOR", "MISSING_VERSION");
    assertThat(findings.get(0).findingType()).isEqualTo(ValidatePolicyFindingType.ERROR);
    ValidatePolicyFinding invalid = findings.get(0);
    assertThat(invalid.findingDetails()).startsWith("The action ivs:GetChanel does not exist.");
    assertThat(invalid.learnMoreLink()).startsWith("https://docs.aws.amazon.com/IAM/latest/UserGuide/");
    var location = invalid.locations().get(0);
    assertThat(location.path()).hasSize(4);
    assertThat(location.path().get(0).key()).isEqualTo("Statement");
    assertThat(location.path().get(3).index()).isEqualTo(1);
    int offset = FLAWED.indexOf("\"ivs:GetChanel\"");
    assertThat(location.span().start().offset()).isEqualTo(offset);
    assertThat(location.span().start().line()).isEqualTo(3);
    assertThat(location.span().end().offset()).isEqualTo(offset + "\"ivs:GetChanel\"".length());
  }

  @Test
  void validatePolicy_trustPolicyWithoutPrincipal_isMissingPrincipal() {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}";
    var findings = admin.analyzer.validatePolicy(b -> b.policyDocument(trust).policyType(PolicyType.RESOURCE_POLICY)
        .validatePolicyResourceType(ValidatePolicyResourceType.AWS_IAM_ASSUME_ROLE_POLICY_DOCUMENT)).findings();
    assertThat(findings).extracting(ValidatePolicyFinding::issueCode).containsExactly("MISSING_PRINCIPAL");
  }

  @Test
  void validatePolicy_maxResults_pagesThroughEveryFinding() {
    var first = admin.analyzer.validatePolicy(b -> b.policyDocument(FLAWED)
        .policyType(PolicyType.IDENTITY_POLICY).maxResults(3));
    assertThat(first.findings()).hasSize(3);
    var rest = admin.analyzer.validatePolicy(b -> b.policyDocument(FLAWED)
        .policyType(PolicyType.IDENTITY_POLICY).nextToken(first.nextToken()));
    assertThat(rest.findings()).hasSize(1);
    assertThat(rest.nextToken()).isNull();
    var paginated = admin.analyzer.validatePolicyPaginator(b -> b.policyDocument(FLAWED)
        .policyType(PolicyType.IDENTITY_POLICY).maxResults(1)).findings();
    assertThat(paginated).hasSize(4);
  }

  @Test
  void validatePolicy_unknownPolicyType_isValidationException() {
    ValidationException error = catchThrowableOfType(ValidationException.class,
        () -> admin.analyzer.validatePolicy(b -> b.policyDocument("{}").policyType("USER_POLICY")));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorMessage()).contains("'policyType' failed to satisfy constraint");
    assertThat(error.reasonAsString()).isEqualTo("fieldValidationFailed");
  }

  @Test
  void cli_validatePolicy_bothClis() {
    for (String cli : List.of(AwsCli.ON_PATH, AwsCli.DEBIAN)) {
      if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of(cli)) && cli.equals(AwsCli.DEBIAN)) {
        continue;
      }
      AwsCli.Result result = AwsCli.runAsAdmin(cli, ONAIR.process(), "accessanalyzer", "validate-policy",
          "--policy-type", "IDENTITY_POLICY", "--policy-document", FLAWED);
      assertThat(result.exitCode()).as(cli + ": " + result.stderr()).isZero();
      assertThat(result.stdout()).contains("\"issueCode\": \"INVALID_ACTION\"").contains("\"span\"");
    }
  }
}
