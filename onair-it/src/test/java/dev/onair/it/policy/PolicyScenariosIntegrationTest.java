package dev.onair.it.policy;

import static dev.onair.it.policy.PolicyClients.ACCOUNT;
import static dev.onair.it.policy.PolicyClients.assertDenied;
import static dev.onair.it.policy.PolicyClients.assertDeniedMatching;
import static java.util.regex.Pattern.quote;
import static dev.onair.it.policy.PolicyClients.noIdentityPolicy;
import static dev.onair.it.policy.PolicyClients.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The decision-flow rules of IAM as a client sees them: managed policies, changes visible on the next request,
 * explicit deny, permissions boundaries, tag conditions, policy variables, groups, and assumed-role sessions.
 */
class PolicyScenariosIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  static final String READ_ONLY = "arn:aws:iam::aws:policy/IVSReadOnlyAccess";
  static final String FULL = "arn:aws:iam::aws:policy/IVSFullAccess";
  /** CreateChannel is authorized on the ARN the new channel will have. */
  static final String NEW_CHANNEL = java.util.regex.Pattern.quote("arn:aws:ivs:us-west-2:" + ACCOUNT + ":channel/")
      + "[a-zA-Z0-9]{12}";

  static PolicyClients admin;
  static String channel;

  @BeforeAll
  static void setUp() {
    admin = PolicyClients.admin(ONAIR.process());
    channel = admin.ivs.createChannel(b -> b.name("shared").tags(Map.of("team", "red"))).channel().arn();
  }

  @AfterAll
  static void tearDown() {
    admin.close();
  }

  private static PolicyClients user(String name) {
    AccessKey key = PolicyClients.userWithKey(admin.iam, name);
    return PolicyClients.of(ONAIR.process(), key);
  }

  private static String allow(String actions, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
        + ",\"Resource\":\"" + resource + "\"}]}";
  }

  @Test
  void ivsReadOnlyAccess_readsButCannotWrite() {
    try (PolicyClients viewer = user("viewer")) {
      admin.iam.attachUserPolicy(b -> b.userName("viewer").policyArn(READ_ONLY));
      assertThat(viewer.ivs.getChannel(b -> b.arn(channel)).channel().name()).isEqualTo("shared");
      viewer.ivs.listChannels(b -> { });
      assertDeniedMatching(() -> viewer.ivs.createChannel(b -> b.name("nope")), "AccessDeniedException",
          quote("User: " + userArn("viewer") + " is not authorized to perform: ivs:CreateChannel on resource: ")
              + NEW_CHANNEL + quote(" because no identity-based policy allows the ivs:CreateChannel action"));
    }
  }

  @Test
  void ivsFullAccess_createsAndDeletes() {
    try (PolicyClients operator = user("operator")) {
      admin.iam.attachUserPolicy(b -> b.userName("operator").policyArn(FULL));
      String own = operator.ivs.createChannel(b -> b.name("own")).channel().arn();
      operator.ivs.deleteChannel(b -> b.arn(own));
      assertDenied(() -> operator.iam.listUsers(), "AccessDenied",
          noIdentityPolicy(userArn("operator"), "iam:ListUsers", "arn:aws:iam::" + ACCOUNT + ":user/"));
    }
  }

  @Test
  void permissionChanges_takeEffectOnTheNextRequest() {
    try (PolicyClients changing = user("changing")) {
      String denied = noIdentityPolicy(userArn("changing"), "ivs:GetChannel", channel);
      assertDenied(() -> changing.ivs.getChannel(b -> b.arn(channel)), "AccessDeniedException", denied);
      admin.iam.putUserPolicy(b -> b.userName("changing").policyName("get")
          .policyDocument(allow("\"ivs:GetChannel\"", "*")));
      changing.ivs.getChannel(b -> b.arn(channel));
      admin.iam.deleteUserPolicy(b -> b.userName("changing").policyName("get"));
      assertDenied(() -> changing.ivs.getChannel(b -> b.arn(channel)), "AccessDeniedException", denied);
      admin.iam.attachUserPolicy(b -> b.userName("changing").policyArn(READ_ONLY));
      changing.ivs.getChannel(b -> b.arn(channel));
      admin.iam.detachUserPolicy(b -> b.userName("changing").policyArn(READ_ONLY));
      assertDenied(() -> changing.ivs.getChannel(b -> b.arn(channel)), "AccessDeniedException", denied);
    }
  }

  @Test
  void explicitDeny_winsOverManagedAllow() {
    try (PolicyClients denied = user("denied")) {
      admin.iam.attachUserPolicy(b -> b.userName("denied").policyArn(FULL));
      admin.iam.putUserPolicy(b -> b.userName("denied").policyName("no-delete").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"ivs:DeleteChannel\","
              + "\"Resource\":\"*\"}]}"));
      denied.ivs.getChannel(b -> b.arn(channel));
      assertDenied(() -> denied.ivs.deleteChannel(b -> b.arn(channel)), "AccessDeniedException",
          "User: " + userArn("denied") + " is not authorized to perform: ivs:DeleteChannel on resource: " + channel
              + " with an explicit deny in an identity-based policy");
    }
  }

  @Test
  void permissionsBoundary_capsWhatPoliciesGrant() {
    try (PolicyClients bounded = user("bounded")) {
      admin.iam.attachUserPolicy(b -> b.userName("bounded").policyArn(FULL));
      admin.iam.putUserPermissionsBoundary(b -> b.userName("bounded").permissionsBoundary(READ_ONLY));
      bounded.ivs.getChannel(b -> b.arn(channel));
      assertDeniedMatching(() -> bounded.ivs.createChannel(b -> b.name("x")), "AccessDeniedException",
          quote("User: " + userArn("bounded") + " is not authorized to perform: ivs:CreateChannel on resource: ")
              + NEW_CHANNEL + quote(" because no permissions boundary allows the ivs:CreateChannel action"));
      admin.iam.deleteUserPermissionsBoundary(b -> b.userName("bounded"));
      String created = bounded.ivs.createChannel(b -> b.name("unbounded")).channel().arn();
      bounded.ivs.deleteChannel(b -> b.arn(created));
    }
  }

  @Test
  void tagConditions_requestAndResourceTags() {
    try (PolicyClients blue = user("blue")) {
      admin.iam.putUserPolicy(b -> b.userName("blue").policyName("blue").policyDocument("""
          {"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Action":"ivs:CreateChannel","Resource":"*",
             "Condition":{"StringEquals":{"aws:RequestTag/team":"blue"},
                          "ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}},
            {"Effect":"Allow","Action":"ivs:GetChannel","Resource":"*",
             "Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}}]}"""));
      String mine = blue.ivs.createChannel(b -> b.tags(Map.of("team", "blue"))).channel().arn();
      blue.ivs.getChannel(b -> b.arn(mine));
      assertDenied(() -> blue.ivs.createChannel(b -> b.tags(Map.of("team", "blue", "cost", "1"))));
      assertDenied(() -> blue.ivs.createChannel(b -> b.tags(Map.of("team", "red"))));
      assertDenied(() -> blue.ivs.getChannel(b -> b.arn(channel)), "AccessDeniedException",
          noIdentityPolicy(userArn("blue"), "ivs:GetChannel", channel));
    }
  }

  @Test
  void policyVariable_usernameLimitsAccessKeysToTheirOwner() {
    String ownKeys = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
        + "\"iam:ListAccessKeys\",\"iam:CreateAccessKey\",\"iam:DeleteAccessKey\",\"iam:UpdateAccessKey\"],"
        + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}";
    admin.iam.createPolicy(b -> b.policyName("OwnAccessKeys").policyDocument(ownKeys));
    String arn = "arn:aws:iam::" + ACCOUNT + ":policy/OwnAccessKeys";
    try (PolicyClients alice = user("alice"); PolicyClients bob = user("bob")) {
      admin.iam.attachUserPolicy(b -> b.userName("alice").policyArn(arn));
      admin.iam.attachUserPolicy(b -> b.userName("bob").policyArn(arn));
      assertThat(alice.iam.listAccessKeys(b -> b.userName("alice")).accessKeyMetadata()).hasSize(1);
      String second = alice.iam.createAccessKey(b -> b.userName("alice")).accessKey().accessKeyId();
      alice.iam.deleteAccessKey(b -> b.userName("alice").accessKeyId(second));
      assertDenied(() -> bob.iam.listAccessKeys(b -> b.userName("alice")), "AccessDenied",
          noIdentityPolicy(userArn("bob"), "iam:ListAccessKeys", userArn("alice")));
      assertDenied(() -> bob.iam.createAccessKey(b -> b.userName("alice")), "AccessDenied",
          noIdentityPolicy(userArn("bob"), "iam:CreateAccessKey", userArn("alice")));
    }
  }

  @Test
  void groups_membershipGrantsAndRemovalRevokes() {
    admin.iam.createGroup(b -> b.groupName("viewers"));
    admin.iam.attachGroupPolicy(b -> b.groupName("viewers").policyArn(READ_ONLY));
    try (PolicyClients member = user("member")) {
      assertDenied(() -> member.ivs.listChannels(b -> { }));
      admin.iam.addUserToGroup(b -> b.groupName("viewers").userName("member"));
      member.ivs.listChannels(b -> { });
      admin.iam.removeUserFromGroup(b -> b.groupName("viewers").userName("member"));
      assertDenied(() -> member.ivs.getChannel(b -> b.arn(channel)), "AccessDeniedException",
          noIdentityPolicy(userArn("member"), "ivs:GetChannel", channel));
    }
  }

  @Test
  void assumedRole_rolePoliciesAndSessionPolicyIntersect() {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + userArn("assumer") + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    try (PolicyClients assumer = user("assumer")) {
      admin.iam.putUserPolicy(b -> b.userName("assumer").policyName("assume")
          .policyDocument(allow("\"sts:AssumeRole\"", "*")));
      String roleArn = admin.iam.createRole(b -> b.roleName("ivs-reader").assumeRolePolicyDocument(trust))
          .role().arn();
      admin.iam.attachRolePolicy(b -> b.roleName("ivs-reader").policyArn(READ_ONLY));
      Credentials plain = assumer.sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("plain")).credentials();
      String plainArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/ivs-reader/plain";
      try (PolicyClients session = PolicyClients.of(ONAIR.process(), plain)) {
        session.ivs.getChannel(b -> b.arn(channel));
        assertDenied(() -> session.ivs.deleteChannel(b -> b.arn(channel)), "AccessDeniedException",
            noIdentityPolicy(plainArn, "ivs:DeleteChannel", channel));
      }
      Credentials narrowed = assumer.sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("narrow")
          .policy(allow("\"ivs:ListChannels\"", "*"))).credentials();
      String narrowArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/ivs-reader/narrow";
      try (PolicyClients session = PolicyClients.of(ONAIR.process(), narrowed)) {
        session.ivs.listChannels(b -> { });
        assertDenied(() -> session.ivs.getChannel(b -> b.arn(channel)), "AccessDeniedException",
            "User: " + narrowArn + " is not authorized to perform: ivs:GetChannel on resource: " + channel
                + " because no session policy allows the ivs:GetChannel action");
      }
    }
  }

  @Test
  void administrator_isAllowedEverything() {
    String created = admin.ivs.createChannel(b -> b.name("admin-made")).channel().arn();
    admin.ivs.deleteChannel(b -> b.arn(created));
    admin.iam.listUsers();
    admin.iam.getAccountSummary();
    admin.s3.createBucket(b -> b.bucket("admin-bucket"));
    admin.analyzer.validatePolicy(b -> b.policyType("IDENTITY_POLICY").policyDocument(allow("\"ivs:*\"", "*")));
  }
}
