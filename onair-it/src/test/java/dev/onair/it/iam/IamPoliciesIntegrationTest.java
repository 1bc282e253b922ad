package dev.onair.it.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** Managed and inline policies, roles, AssumeRole and the simulator through the AWS SDK for Java v2. */
class IamPoliciesIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  static final String LIST_IVS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"ivs:List*\",\"iam:GetUser\"],\"Resource\":\"*\"}]}";
  static IamClient iam;

  @BeforeAll
  static void clients() {
    iam = IamClients.iam(ONAIR.process().endpoint(),
        IamClients.basic(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY));
  }

  @AfterAll
  static void close() {
    iam.close();
  }

  @Test
  void managedPolicy_versionsDefaultAndLimit() {
    String arn = iam.createPolicy(b -> b.policyName("it-list").policyDocument(LIST_IVS)).policy().arn();
    assertThat(arn).isEqualTo("arn:aws:iam::123456789012:policy/it-list");
    for (int i = 0; i < 4; i++) {
      iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(LIST_IVS).setAsDefault(true));
    }
    assertThatThrownBy(() -> iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(LIST_IVS)))
        .isInstanceOf(LimitExceededException.class);
    assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v5");
    assertThatThrownBy(() -> iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v5")))
        .isInstanceOf(DeleteConflictException.class);
    iam.setDefaultPolicyVersion(b -> b.policyArn(arn).versionId("v2"));
    String document = iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v2")).policyVersion().document();
    assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).isEqualTo(LIST_IVS);
    assertThatThrownBy(() -> iam.createPolicy(b -> b.policyName("it-bad").policyDocument("{\"Statement\":[]}")))
        .isInstanceOf(MalformedPolicyDocumentException.class);
  }

  @Test
  void awsManagedPolicies_listedAttachedAndCounted() {
    var policies = iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.AWS)).policies();
    assertThat(policies).extracting(p -> p.policyName())
        .contains("AdministratorAccess", "IVSFullAccess", "IVSReadOnlyAccess");
    iam.createUser(b -> b.userName("it-viewer"));
    String arn = "arn:aws:iam::aws:policy/IVSReadOnlyAccess";
    iam.attachUserPolicy(b -> b.userName("it-viewer").policyArn(arn));
    assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount()).isEqualTo(1);
    assertThat(iam.listAttachedUserPolicies(b -> b.userName("it-viewer")).attachedPolicies())
        .extracting(p -> p.policyArn()).containsExactly(arn);
    assertThat(iam.listEntitiesForPolicy(b -> b.policyArn(arn)).policyUsers()).extracting(u -> u.userName())
        .containsExactly("it-viewer");
    assertThat(iam.listPolicies(b -> b.onlyAttached(true)).policies()).extracting(p -> p.arn())
        .contains(arn, "arn:aws:iam::aws:policy/AdministratorAccess");
    var details = iam.getAccountAuthorizationDetails(b -> b.filterWithStrings("User"));
    assertThat(details.userDetailList()).extracting(u -> u.userName()).contains("admin", "it-viewer");
  }

  @Test
  void inlinePolicies_putGetListDelete() {
    iam.createUser(b -> b.userName("it-inline"));
    iam.putUserPolicy(b -> b.userName("it-inline").policyName("p1").policyDocument(LIST_IVS));
    assertThat(URLDecoder.decode(iam.getUserPolicy(b -> b.userName("it-inline").policyName("p1")).policyDocument(),
        StandardCharsets.UTF_8)).isEqualTo(LIST_IVS);
    assertThat(iam.listUserPolicies(b -> b.userName("it-inline")).policyNames()).containsExactly("p1");
    String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ivs:"
        + "A".repeat(2100) + "\",\"Resource\":\"*\"}]}";
    assertThatThrownBy(() -> iam.putUserPolicy(b -> b.userName("it-inline").policyName("p2").policyDocument(big)))
        .isInstanceOf(LimitExceededException.class);
    iam.deleteUserPolicy(b -> b.userName("it-inline").policyName("p1"));
    assertThat(iam.listUserPolicies(b -> b.userName("it-inline")).policyNames()).isEmpty();
  }

  @Test
  void roles_assumeRoleIssuesWorkingTemporaryCredentials() {
    iam.createUser(b -> b.userName("it-assumer"));
    var key = iam.createAccessKey(b -> b.userName("it-assumer")).accessKey();
    iam.putUserPolicy(b -> b.userName("it-assumer").policyName("assume").policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
            + "\"Resource\":\"*\"}]}"));
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::123456789012:user/it-assumer\"},\"Action\":\"sts:AssumeRole\"}]}";
    Role role = iam.createRole(b -> b.roleName("it-role").assumeRolePolicyDocument(trust)
        .tags(t -> t.key("env").value("it"))).role();
    assertThat(role.roleId()).matches("AROA[A-Z0-9]{17}");
    assertThat(URLDecoder.decode(iam.getRole(b -> b.roleName("it-role")).role().assumeRolePolicyDocument(),
        StandardCharsets.UTF_8)).isEqualTo(trust);
    iam.putRolePolicy(b -> b.roleName("it-role").policyName("list").policyDocument(LIST_IVS));
    try (StsClient sts = IamClients.sts(ONAIR.process().endpoint(),
        IamClients.basic(key.accessKeyId(), key.secretAccessKey()))) {
      Credentials credentials = sts.assumeRole(b -> b.roleArn(role.arn()).roleSessionName("it-session")
          .durationSeconds(900)).credentials();
      assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
      try (StsClient session = IamClients.sts(ONAIR.process().endpoint(), IamClients.session(credentials))) {
        var identity = session.getCallerIdentity();
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/it-role/it-session");
        assertThat(identity.userId()).isEqualTo(role.roleId() + ":it-session");
      }
      assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(role.arn()).roleSessionName("s").durationSeconds(7200)))
          .isInstanceOf(StsException.class);
    }
    assertThatThrownBy(() -> iam.createRole(b -> b.roleName("it-bad-trust").assumeRolePolicyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::123456789012:user/nobody\"},\"Action\":\"sts:AssumeRole\"}]}")))
        .isInstanceOf(MalformedPolicyDocumentException.class)
        .hasMessageContaining("Invalid principal in policy");
  }

  @Test
  void assumeRole_notTrusted_isAccessDenied() {
    iam.createUser(b -> b.userName("it-outsider"));
    var key = iam.createAccessKey(b -> b.userName("it-outsider")).accessKey();
    iam.attachUserPolicy(b -> b.userName("it-outsider").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
        + "\"ivs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String arn = iam.createRole(b -> b.roleName("it-service-only").assumeRolePolicyDocument(trust)).role().arn();
    try (StsClient sts = IamClients.sts(ONAIR.process().endpoint(),
        IamClients.basic(key.accessKeyId(), key.secretAccessKey()))) {
      assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(arn).roleSessionName("nope")))
          .isInstanceOf(StsException.class)
          .satisfies(e -> assertThat(((StsException) e).statusCode()).isEqualTo(403));
    }
  }

  @Test
  void serviceLinkedRole_createProtectAndDelete() {
    Role role = iam.createServiceLinkedRole(b -> b.awsServiceName("ivs.amazonaws.com")).role();
    assertThat(role.arn()).isEqualTo(
        "arn:aws:iam::123456789012:role/aws-service-role/ivs.amazonaws.com/AWSServiceRoleForIVSRecordToS3");
    assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName(role.roleName())))
        .isInstanceOf(software.amazon.awssdk.services.iam.model.UnmodifiableEntityException.class);
    String task = iam.deleteServiceLinkedRole(b -> b.roleName(role.roleName())).deletionTaskId();
    assertThat(iam.getServiceLinkedRoleDeletionStatus(b -> b.deletionTaskId(task)).statusAsString())
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void simulatePrincipalPolicy_matchesEnforcement() {
    iam.createUser(b -> b.userName("it-sim"));
    iam.putUserPolicy(b -> b.userName("it-sim").policyName("list").policyDocument(LIST_IVS));
    var results = iam.simulatePrincipalPolicy(b -> b.policySourceArn("arn:aws:iam::123456789012:user/it-sim")
        .actionNames("ivs:ListChannels", "ivs:DeleteChannel")).evaluationResults();
    assertThat(results).extracting(r -> r.evalDecision())
        .containsExactly(PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.IMPLICIT_DENY);
    var custom = iam.simulateCustomPolicy(b -> b.policyInputList(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}")
        .actionNames("ivs:ListChannels")).evaluationResults();
    assertThat(custom.get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
  }

  @Test
  void tagsAndBoundaries() {
    iam.createUser(b -> b.userName("it-tagged"));
    iam.tagUser(b -> b.userName("it-tagged").tags(t -> t.key("a").value("1"), t -> t.key("b").value("2")));
    assertThatThrownBy(() -> iam.tagUser(b -> b.userName("it-tagged")
        .tags(t -> t.key("dup").value("1"), t -> t.key("DUP").value("2"))))
        .isInstanceOf(software.amazon.awssdk.services.iam.model.InvalidInputException.class);
    iam.untagUser(b -> b.userName("it-tagged").tagKeys("a"));
    assertThat(iam.listUserTags(b -> b.userName("it-tagged")).tags()).extracting(t -> t.key()).containsExactly("b");
    iam.putUserPermissionsBoundary(b -> b.userName("it-tagged")
        .permissionsBoundary("arn:aws:iam::aws:policy/IVSReadOnlyAccess"));
    assertThat(iam.getUser(b -> b.userName("it-tagged")).user().permissionsBoundary().permissionsBoundaryArn())
        .isEqualTo("arn:aws:iam::aws:policy/IVSReadOnlyAccess");
    iam.deleteUserPermissionsBoundary(b -> b.userName("it-tagged"));
    assertThat(iam.getUser(b -> b.userName("it-tagged")).user().permissionsBoundary()).isNull();
  }
}
