package dev.onair.iam;

import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Group;
import dev.onair.iam.model.ManagedPolicy;
import dev.onair.iam.model.PolicyVersion;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.User;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.PolicyText;
import dev.onair.iam.support.Validation;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Account-wide operations: summary, alias, authorization details. */
public final class AccountService {
  private static final java.util.regex.Pattern ALIAS =
      java.util.regex.Pattern.compile("^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");

  private final IamCore core;

  public AccountService(IamCore core) {
    this.core = core;
  }

  public StructNode getAccountSummary(CallContext context, StructNode input) {
    Map<String, Integer> usage = core.store().accounts().usage(context.accountId());
    Map<String, Node> summary = new LinkedHashMap<>();
    put(summary, "Users", usage.getOrDefault("Users", 0));
    put(summary, "UsersQuota", 5000);
    put(summary, "Groups", usage.getOrDefault("Groups", 0));
    put(summary, "GroupsQuota", 300);
    put(summary, "Roles", usage.getOrDefault("Roles", 0));
    put(summary, "RolesQuota", 1000);
    put(summary, "Policies", usage.getOrDefault("Policies", 0));
    put(summary, "PoliciesQuota", 1500);
    put(summary, "PolicySizeQuota", 6144);
    put(summary, "UserPolicySizeQuota", 2048);
    put(summary, "GroupPolicySizeQuota", 5120);
    put(summary, "RolePolicySizeQuota", 10240);
    put(summary, "AssumeRolePolicySizeQuota", 2048);
    put(summary, "AttachedPoliciesPerUserQuota", 10);
    put(summary, "AttachedPoliciesPerGroupQuota", 10);
    put(summary, "AttachedPoliciesPerRoleQuota", 10);
    put(summary, "GroupsPerUserQuota", 10);
    put(summary, "AccessKeysPerUserQuota", 2);
    put(summary, "SigningCertificatesPerUserQuota", 2);
    put(summary, "VersionsPerPolicyQuota", 5);
    put(summary, "PolicyVersionsInUse", usage.getOrDefault("PolicyVersionsInUse", 0));
    put(summary, "PolicyVersionsInUseQuota", 10000);
    put(summary, "InstanceProfiles", 0);
    put(summary, "InstanceProfilesQuota", 1000);
    put(summary, "ServerCertificates", 0);
    put(summary, "ServerCertificatesQuota", 20);
    put(summary, "MFADevices", 0);
    put(summary, "MFADevicesInUse", 0);
    put(summary, "AccountMFAEnabled", 0);
    put(summary, "AccountAccessKeysPresent", 0);
    put(summary, "AccountPasswordPresent", usage.getOrDefault("AccountPasswordPresent", 0));
    put(summary, "AccountSigningCertificatesPresent", 0);
    put(summary, "Providers", 0);
    put(summary, "GlobalEndpointTokenVersion", 1);
    return StructNode.builder().put("SummaryMap", new MapNode(summary)).build();
  }

  private static void put(Map<String, Node> summary, String key, int value) {
    summary.put(key, NumberNode.of(value));
  }

  public StructNode createAccountAlias(CallContext context, StructNode input) {
    String alias = Params.required(input, "AccountAlias");
    Validation.length("AccountAlias", alias, 3, 63);
    Validation.pattern("AccountAlias", alias, ALIAS);
    if (alias.matches("\\d{12}")) {
      throw Validation.failed("AccountAlias", alias, "Member must not be a 12-digit number");
    }
    core.store().accounts().setAlias(context.accountId(), alias);
    return StructNode.EMPTY;
  }

  public StructNode deleteAccountAlias(CallContext context, StructNode input) {
    String alias = Params.required(input, "AccountAlias");
    if (!core.store().accounts().deleteAlias(context.accountId(), alias)) {
      throw IamErrors.of(IamErrorCode.NoSuchEntity, "The account alias " + alias + " cannot be found.");
    }
    return StructNode.EMPTY;
  }

  public StructNode listAccountAliases(CallContext context, StructNode input) {
    List<String> aliases = core.store().accounts().alias(context.accountId()).map(List::of).orElse(List.of());
    return StructNode.builder()
        .put("AccountAliases", ListNode.ofStrings(aliases))
        .put("IsTruncated", false)
        .build();
  }

  public StructNode getAccountAuthorizationDetails(CallContext context, StructNode input) {
    Set<String> filter = Set.copyOf(Params.strings(input, "Filter"));
    String account = context.accountId();
    StructNode.Builder result = StructNode.builder();
    if (wants(filter, "User")) {
      result.put("UserDetailList", ListNode.map(core.store().users().list(account), this::userDetail));
    }
    if (wants(filter, "Group")) {
      result.put("GroupDetailList", ListNode.map(core.store().groups().list(account), this::groupDetail));
    }
    if (wants(filter, "Role")) {
      result.put("RoleDetailList", ListNode.map(core.store().roles().list(account), this::roleDetail));
    }
    List<Node> policies = new ArrayList<>();
    if (wants(filter, "LocalManagedPolicy")) {
      for (ManagedPolicy policy : core.store().policies().list(account)) {
        policies.add(policyDetail(policy, core.store().policies().versions(policy.arn())));
      }
    }
    if (wants(filter, "AWSManagedPolicy")) {
      Set<String> used = Set.copyOf(core.store().attachments().attachedArns());
      for (AwsPolicyCatalog.AwsPolicy aws : core.catalog().all()) {
        // AWS lists only the AWS managed policies that are in use in the account.
        if (used.contains(aws.arn())) {
          policies.add(policyDetail(core.awsPolicy(aws),
              List.of(new PolicyVersion(aws.versionId(), aws.document(), true, aws.createDate()))));
        }
      }
    }
    if (wants(filter, "LocalManagedPolicy") || wants(filter, "AWSManagedPolicy")) {
      result.put("Policies", new ListNode(policies));
    }
    return result.put("IsTruncated", false).build();
  }

  private static boolean wants(Set<String> filter, String type) {
    return filter.isEmpty() || filter.contains(type);
  }

  private StructNode userDetail(User listed) {
    User user = core.store().users().findById(listed.userId()).orElse(listed);
    return StructNode.builder()
        .put("Path", user.path())
        .put("UserName", user.name())
        .put("UserId", user.userId())
        .put("Arn", user.arn())
        .put("CreateDate", user.createDate())
        .put("UserPolicyList", inline(EntityType.USER, user.userId()))
        .put("GroupList", ListNode.ofStrings(
            core.store().groups().groupsForUser(user.userId()).stream().map(Group::name).toList()))
        .put("AttachedManagedPolicies", attached(EntityType.USER, user.userId()))
        .put("PermissionsBoundary", IamShapes.boundary(user.permissionsBoundaryArn()))
        .put("Tags", user.tags().isEmpty() ? null : IamShapes.tags(user.tags()))
        .build();
  }

  private StructNode groupDetail(Group group) {
    return StructNode.builder()
        .put("Path", group.path())
        .put("GroupName", group.name())
        .put("GroupId", group.groupId())
        .put("Arn", group.arn())
        .put("CreateDate", group.createDate())
        .put("GroupPolicyList", inline(EntityType.GROUP, group.groupId()))
        .put("AttachedManagedPolicies", attached(EntityType.GROUP, group.groupId()))
        .build();
  }

  private StructNode roleDetail(Role listed) {
    Role role = core.store().roles().findById(listed.roleId()).orElse(listed);
    return StructNode.builder()
        .put("Path", role.path())
        .put("RoleName", role.name())
        .put("RoleId", role.roleId())
        .put("Arn", role.arn())
        .put("CreateDate", role.createDate())
        .put("AssumeRolePolicyDocument", PolicyText.urlEncode(role.trustPolicy()))
        .put("InstanceProfileList", new ListNode(List.of()))
        .put("RolePolicyList", inline(EntityType.ROLE, role.roleId()))
        .put("AttachedManagedPolicies", attached(EntityType.ROLE, role.roleId()))
        .put("PermissionsBoundary", IamShapes.boundary(role.permissionsBoundaryArn()))
        .put("Tags", role.tags().isEmpty() ? null : IamShapes.tags(role.tags()))
        .build();
  }

  private StructNode policyDetail(ManagedPolicy policy, List<PolicyVersion> versions) {
    return StructNode.builder()
        .put("PolicyName", policy.name())
        .put("PolicyId", policy.policyId())
        .put("Arn", policy.arn())
        .put("Path", policy.path())
        .put("DefaultVersionId", policy.defaultVersionId())
        .put("AttachmentCount", policy.attachmentCount())
        .put("PermissionsBoundaryUsageCount", policy.permissionsBoundaryUsageCount())
        .put("IsAttachable", policy.attachable())
        .put("Description", policy.description())
        .put("CreateDate", policy.createDate())
        .put("UpdateDate", policy.updateDate())
        .put("PolicyVersionList", ListNode.map(versions, version -> IamShapes.policyVersion(version, true)))
        .build();
  }

  private ListNode inline(EntityType type, String ownerId) {
    return ListNode.map(core.store().inlinePolicies().list(type, ownerId), policy -> StructNode.builder()
        .put("PolicyName", policy.name())
        .put("PolicyDocument", PolicyText.urlEncode(policy.document()))
        .build());
  }

  private ListNode attached(EntityType type, String ownerId) {
    List<Node> items = new ArrayList<>();
    for (String arn : core.store().attachments().attached(type, ownerId)) {
      core.managedPolicy(arn).ifPresent(policy -> items.add(StructNode.builder()
          .put("PolicyName", policy.name()).put("PolicyArn", policy.arn()).build()));
    }
    return new ListNode(items);
  }

}
