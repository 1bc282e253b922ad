package dev.onair.iam;

import dev.onair.iam.model.Arns;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.ManagedPolicy;
import dev.onair.iam.model.PolicyVersion;
import dev.onair.iam.model.Tag;
import dev.onair.iam.store.AttachmentRepository.Attachment;
import dev.onair.iam.support.IamIds;
import dev.onair.iam.support.Paging;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.PolicyDocuments;
import dev.onair.iam.support.Validation;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicySizeLimits;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Managed policies: customer ones with up to five versions, and the read-only AWS managed catalogue. */
public final class PolicyService {
  private static final String SIZE_MESSAGE = "Cannot exceed quota for PolicySize: " + PolicySizeLimits.MANAGED;

  private final IamCore core;

  public PolicyService(IamCore core) {
    this.core = core;
  }

  public StructNode createPolicy(CallContext context, StructNode input) {
    String name = Params.required(input, "PolicyName");
    Validation.entityName("PolicyName", name, 128);
    String path = Params.optional(input, "Path");
    if (path == null) {
      path = "/";
    }
    Validation.policyPath("Path", path);
    String description = Params.optional(input, "Description");
    Validation.description("Description", description);
    String document = Params.required(input, "PolicyDocument");
    PolicyDocuments.validate("PolicyDocument", document, PolicyKind.IDENTITY, true, PolicySizeLimits.MANAGED,
        SIZE_MESSAGE);
    List<Tag> tags = Params.tags(input, "Tags");
    String arn = Arns.policy(context.accountId(), path, name);
    ManagedPolicy policy = new ManagedPolicy(IamIds.uniqueId(IamIds.POLICY), name, path, arn, description, "v1", 0,
        0, true, core.now(), core.now(), false, tags);
    ManagedPolicy created = core.store().policies().create(context.accountId(), policy, document);
    return StructNode.builder().put("Policy", IamShapes.policy(created, true)).build();
  }

  public StructNode getPolicy(CallContext context, StructNode input) {
    return StructNode.builder().put("Policy", IamShapes.policy(existing(input), true)).build();
  }

  public StructNode deletePolicy(CallContext context, StructNode input) {
    ManagedPolicy policy = customer(input);
    core.store().policies().delete(policy.arn());
    return StructNode.EMPTY;
  }

  public StructNode listPolicies(CallContext context, StructNode input) {
    String scope = Params.optional(input, "Scope");
    if (scope == null) {
      scope = "All";
    }
    if (!List.of("All", "AWS", "Local").contains(scope)) {
      throw Validation.failed("Scope", scope, "Member must satisfy enum value set: [All, AWS, Local]");
    }
    boolean onlyAttached = Params.bool(input, "OnlyAttached", false);
    String prefix = Params.optional(input, "PathPrefix");
    if (prefix == null) {
      prefix = "/";
    }
    Validation.pathPrefix("PathPrefix", prefix);
    String usage = Params.optional(input, "PolicyUsageFilter");
    Set<String> attached = onlyAttached ? new HashSet<>(core.store().attachments().attachedArns()) : Set.of();
    List<ManagedPolicy> policies = new ArrayList<>();
    if (!scope.equals("Local")) {
      core.catalog().all().forEach(policy -> policies.add(core.awsPolicy(policy)));
    }
    if (!scope.equals("AWS")) {
      policies.addAll(core.store().policies().list(context.accountId()));
    }
    String pathPrefix = prefix;
    List<ManagedPolicy> selected = policies.stream()
        .filter(policy -> policy.path().startsWith(pathPrefix))
        .filter(policy -> !onlyAttached || attached.contains(policy.arn()))
        .filter(policy -> usage == null
            || (usage.equals("PermissionsPolicy") && policy.attachmentCount() > 0)
            || (usage.equals("PermissionsBoundary") && policy.permissionsBoundaryUsageCount() > 0))
        .sorted(java.util.Comparator.comparing(PolicyService::sortKey))
        .toList();
    Paging.Page<ManagedPolicy> page = Paging.page(selected, PolicyService::sortKey, input);
    StructNode.Builder builder = StructNode.builder()
        .put("Policies", ListNode.map(page.items(), policy -> IamShapes.policy(policy, false)));
    return page.addTo(builder).build();
  }

  private static String sortKey(ManagedPolicy policy) {
    return Validation.nameKey(policy.name()) + "\u0000" + policy.arn();
  }

  public StructNode createPolicyVersion(CallContext context, StructNode input) {
    ManagedPolicy policy = customer(input);
    String document = Params.required(input, "PolicyDocument");
    PolicyDocuments.validate("PolicyDocument", document, PolicyKind.IDENTITY, true, PolicySizeLimits.MANAGED,
        SIZE_MESSAGE);
    boolean setAsDefault = Params.bool(input, "SetAsDefault", false);
    PolicyVersion version = core.store().policies().createVersion(policy.arn(), document, setAsDefault, core.now());
    return StructNode.builder().put("PolicyVersion", IamShapes.policyVersion(version, false)).build();
  }

  public StructNode getPolicyVersion(CallContext context, StructNode input) {
    String arn = arn(input);
    String versionId = versionId(input);
    PolicyVersion version;
    if (Arns.isAwsManaged(arn)) {
      AwsPolicyCatalog.AwsPolicy policy = core.catalog().find(arn)
          .filter(found -> found.versionId().equals(versionId))
          .orElseThrow(() -> IamErrors.noSuchPolicyVersion(arn, versionId));
      version = new PolicyVersion(policy.versionId(), policy.document(), true, policy.createDate());
    } else {
      version = core.store().policies().version(arn, versionId)
          .orElseThrow(() -> IamErrors.noSuchPolicyVersion(arn, versionId));
    }
    return StructNode.builder().put("PolicyVersion", IamShapes.policyVersion(version, true)).build();
  }

  public StructNode deletePolicyVersion(CallContext context, StructNode input) {
    ManagedPolicy policy = customer(input);
    core.store().policies().deleteVersion(policy.arn(), versionId(input));
    return StructNode.EMPTY;
  }

  public StructNode listPolicyVersions(CallContext context, StructNode input) {
    ManagedPolicy policy = existing(input);
    List<PolicyVersion> versions;
    if (policy.awsManaged()) {
      AwsPolicyCatalog.AwsPolicy aws = core.catalog().find(policy.arn()).orElseThrow();
      versions = List.of(new PolicyVersion(aws.versionId(), aws.document(), true, aws.createDate()));
    } else {
      versions = core.store().policies().versions(policy.arn());
    }
    Paging.Page<PolicyVersion> page = Paging.page(versions,
        version -> String.format("%010d", Integer.MAX_VALUE - PolicyVersion.number(version.versionId())), input);
    StructNode.Builder builder = StructNode.builder()
        .put("Versions", ListNode.map(page.items(), version -> IamShapes.policyVersion(version, false)));
    return page.addTo(builder).build();
  }

  public StructNode setDefaultPolicyVersion(CallContext context, StructNode input) {
    ManagedPolicy policy = customer(input);
    core.store().policies().setDefaultVersion(policy.arn(), versionId(input), core.now());
    return StructNode.EMPTY;
  }

  public StructNode listEntitiesForPolicy(CallContext context, StructNode input) {
    ManagedPolicy policy = existing(input);
    String filter = Params.optional(input, "EntityFilter");
    String prefix = UserService.pathPrefix(input);
    List<StructNode> groups = new ArrayList<>();
    List<StructNode> users = new ArrayList<>();
    List<StructNode> roles = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Attachment attachment : core.store().attachments().attachmentsOf(policy.arn())) {
      switch (attachment.ownerType()) {
        case USER -> core.store().users().findById(attachment.ownerId())
            .filter(user -> user.path().startsWith(prefix) && allows(filter, "User"))
            .ifPresent(user -> users.add(StructNode.builder()
                .put("UserName", user.name()).put("UserId", user.userId()).build()));
        case GROUP -> core.store().groups().findById(attachment.ownerId())
            .filter(group -> group.path().startsWith(prefix) && allows(filter, "Group"))
            .ifPresent(group -> groups.add(StructNode.builder()
                .put("GroupName", group.name()).put("GroupId", group.groupId()).build()));
        case ROLE -> core.store().roles().findById(attachment.ownerId())
            .filter(role -> role.path().startsWith(prefix) && allows(filter, "Role"))
            .ifPresent(role -> roles.add(StructNode.builder()
                .put("RoleName", role.name()).put("RoleId", role.roleId()).build()));
        case POLICY -> keys.add(attachment.ownerId());
      }
    }
    // The three lists are small (quota-bound); IAM pages them jointly, which one page of all satisfies.
    return StructNode.builder()
        .put("PolicyGroups", new ListNode(List.copyOf(groups)))
        .put("PolicyUsers", new ListNode(List.copyOf(users)))
        .put("PolicyRoles", new ListNode(List.copyOf(roles)))
        .put("IsTruncated", false)
        .build();
  }

  private static boolean allows(String filter, String type) {
    return filter == null || filter.equals(type);
  }

  public StructNode tagPolicy(CallContext context, StructNode input) {
    ManagedPolicy policy = customer(input);
    Validation.requireNotNull("Tags", input.get("Tags"));
    core.store().tags().tag(EntityType.POLICY, policy.policyId(), Params.tags(input, "Tags"));
    return StructNode.EMPTY;
  }

  public StructNode untagPolicy(CallContext context, StructNode input) {
    ManagedPolicy policy = customer(input);
    core.store().tags().untag(EntityType.POLICY, policy.policyId(), Params.tagKeys(input, "TagKeys"));
    return StructNode.EMPTY;
  }

  public StructNode listPolicyTags(CallContext context, StructNode input) {
    ManagedPolicy policy = existing(input);
    List<Tag> tags = policy.awsManaged() ? List.of() : core.store().tags().tags(EntityType.POLICY, policy.policyId());
    return UserService.tagPage(tags, input);
  }

  private static String arn(StructNode input) {
    String arn = Params.required(input, "PolicyArn");
    IamCore.requireArn("PolicyArn", arn);
    return arn;
  }

  private static String versionId(StructNode input) {
    String versionId = Params.required(input, "VersionId");
    Validation.pattern("VersionId", versionId,
        java.util.regex.Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"));
    return versionId;
  }

  private ManagedPolicy existing(StructNode input) {
    String arn = arn(input);
    return core.managedPolicy(arn).orElseThrow(() -> IamErrors.noSuchPolicy(arn));
  }

  /** A customer managed policy; AWS managed ones cannot be changed. */
  private ManagedPolicy customer(StructNode input) {
    ManagedPolicy policy = existing(input);
    if (policy.awsManaged()) {
      throw IamErrors.awsManagedReadOnly(policy.arn());
    }
    return policy;
  }
}
