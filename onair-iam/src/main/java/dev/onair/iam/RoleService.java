package dev.onair.iam;

import dev.onair.iam.model.Arns;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.Tag;
import dev.onair.iam.support.IamIds;
import dev.onair.iam.support.Paging;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.PolicyDocuments;
import dev.onair.iam.support.Validation;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicySizeLimits;
import dev.onair.policy.document.PolicyDocument;
import dev.onair.policy.document.Statement;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** IAM roles, their trust policies, boundaries and tags, and service-linked roles. */
public final class RoleService {
  static final int MIN_SESSION = 3600;
  static final int MAX_SESSION = 43200;

  private final IamCore core;

  public RoleService(IamCore core) {
    this.core = core;
  }

  public StructNode createRole(CallContext context, StructNode input) {
    String name = Params.required(input, "RoleName");
    Validation.entityName("RoleName", name, 64);
    String path = UserService.pathOrDefault(input, "Path");
    String description = Params.optional(input, "Description");
    Validation.description("Description", description);
    Integer maxSession = Params.integer(input, "MaxSessionDuration");
    Validation.range("MaxSessionDuration", maxSession, MIN_SESSION, MAX_SESSION);
    String trust = Params.required(input, "AssumeRolePolicyDocument");
    validateTrust(context, "AssumeRolePolicyDocument", trust);
    String boundary = Params.optional(input, "PermissionsBoundary");
    if (boundary != null) {
      core.attachablePolicy(boundary);
    }
    List<Tag> tags = Params.tags(input, "Tags");
    Role role = new Role(IamIds.uniqueId(IamIds.ROLE), context.accountId(), name, path, core.now(), trust,
        description, maxSession == null ? Role.DEFAULT_MAX_SESSION_DURATION : maxSession, boundary, false, null,
        null, tags);
    return StructNode.builder().put("Role", IamShapes.role(core.store().roles().create(role), true)).build();
  }

  /** Grammar, size, and IAM's rule that principals named by ARN must exist when the policy is written. */
  void validateTrust(CallContext context, String member, String document) {
    PolicyDocument parsed = PolicyDocuments.validate(member, document, PolicyKind.TRUST, false,
        PolicySizeLimits.ROLE_TRUST, "Cannot exceed quota for ACLSizePerRole: " + PolicySizeLimits.ROLE_TRUST);
    for (Statement statement : parsed.statements()) {
      if (statement.principals() == null) {
        continue;
      }
      for (String principal : statement.principals().values("AWS")) {
        if (!principalExists(context.accountId(), principal)) {
          throw IamErrors.malformed("Invalid principal in policy: \"AWS\":\"" + principal + "\"");
        }
      }
    }
  }

  private boolean principalExists(String accountId, String principal) {
    String userPrefix = "arn:aws:iam::" + accountId + ":user/";
    String rolePrefix = "arn:aws:iam::" + accountId + ":role/";
    if (principal.contains("*")) {
      return true;
    }
    if (principal.startsWith(userPrefix)) {
      String name = principal.substring(principal.lastIndexOf('/') + 1);
      return core.store().users().find(accountId, name).map(user -> user.arn().equals(principal)).orElse(false);
    }
    if (principal.startsWith(rolePrefix)) {
      String name = principal.substring(principal.lastIndexOf('/') + 1);
      return core.store().roles().find(accountId, name).map(role -> role.arn().equals(principal)).orElse(false);
    }
    return true;
  }

  public StructNode getRole(CallContext context, StructNode input) {
    return StructNode.builder().put("Role", IamShapes.role(named(context, input), true)).build();
  }

  public StructNode listRoles(CallContext context, StructNode input) {
    String prefix = UserService.pathPrefix(input);
    List<Role> roles = core.store().roles().list(context.accountId()).stream()
        .filter(role -> role.path().startsWith(prefix))
        .toList();
    Paging.Page<Role> page = Paging.page(roles, role -> Validation.nameKey(role.name()), input);
    StructNode.Builder builder = StructNode.builder()
        .put("Roles", ListNode.map(page.items(), role -> IamShapes.role(role, false)));
    return page.addTo(builder).build();
  }

  public StructNode updateRole(CallContext context, StructNode input) {
    Role role = modifiable(context, input);
    String description = Params.optional(input, "Description");
    Validation.description("Description", description);
    Integer maxSession = Params.integer(input, "MaxSessionDuration");
    Validation.range("MaxSessionDuration", maxSession, MIN_SESSION, MAX_SESSION);
    core.store().roles().update(role.roleId(), description, maxSession);
    return StructNode.EMPTY;
  }

  public StructNode updateRoleDescription(CallContext context, StructNode input) {
    Role role = modifiable(context, input);
    String description = Params.required(input, "Description");
    Validation.description("Description", description);
    core.store().roles().update(role.roleId(), description, null);
    Role updated = core.role(context.accountId(), role.name());
    return StructNode.builder().put("Role", IamShapes.role(updated, true)).build();
  }

  public StructNode updateAssumeRolePolicy(CallContext context, StructNode input) {
    Role role = modifiable(context, input);
    String document = Params.required(input, "PolicyDocument");
    validateTrust(context, "PolicyDocument", document);
    core.store().roles().updateTrustPolicy(role.roleId(), document);
    return StructNode.EMPTY;
  }

  public StructNode deleteRole(CallContext context, StructNode input) {
    core.store().roles().delete(modifiable(context, input).roleId());
    return StructNode.EMPTY;
  }

  public StructNode tagRole(CallContext context, StructNode input) {
    Role role = named(context, input);
    Validation.requireNotNull("Tags", input.get("Tags"));
    core.store().tags().tag(EntityType.ROLE, role.roleId(), Params.tags(input, "Tags"));
    return StructNode.EMPTY;
  }

  public StructNode untagRole(CallContext context, StructNode input) {
    Role role = named(context, input);
    core.store().tags().untag(EntityType.ROLE, role.roleId(), Params.tagKeys(input, "TagKeys"));
    return StructNode.EMPTY;
  }

  public StructNode listRoleTags(CallContext context, StructNode input) {
    Role role = named(context, input);
    return UserService.tagPage(core.store().tags().tags(EntityType.ROLE, role.roleId()), input);
  }

  public StructNode putRolePermissionsBoundary(CallContext context, StructNode input) {
    Role role = modifiable(context, input);
    String arn = Params.required(input, "PermissionsBoundary");
    core.attachablePolicy(arn);
    core.store().roles().setPermissionsBoundary(role.roleId(), arn);
    return StructNode.EMPTY;
  }

  public StructNode deleteRolePermissionsBoundary(CallContext context, StructNode input) {
    Role role = modifiable(context, input);
    core.store().roles().setPermissionsBoundary(role.roleId(), null);
    return StructNode.EMPTY;
  }

  public StructNode createServiceLinkedRole(CallContext context, StructNode input) {
    String service = Params.required(input, "AWSServiceName");
    Validation.length("AWSServiceName", service, 1, 128);
    ServiceLinkedRoles.Definition definition = ServiceLinkedRoles.find(service)
        .orElseThrow(() -> IamErrors.invalidInput("Service role name for " + service + " is not supported."));
    String suffix = Params.optional(input, "CustomSuffix");
    if (suffix != null && !definition.customSuffixAllowed()) {
      throw IamErrors.invalidInput("Custom suffix is not allowed for " + service);
    }
    String description = Params.optional(input, "Description");
    Validation.description("Description", description);
    Role created = createServiceLinkedRole(context.accountId(), service, definition, suffix, description);
    return StructNode.builder().put("Role", IamShapes.role(created, true)).build();
  }

  /**
   * Creates a supported service's linked role the way AWS does when the service asks for it (IVS's first recording
   * configuration); the caller has already been authorized for iam:CreateServiceLinkedRole.
   *
   * @return the role, existing or new
   */
  public Role ensureServiceLinkedRole(String accountId, String service) {
    ServiceLinkedRoles.Definition definition = ServiceLinkedRoles.find(service)
        .orElseThrow(() -> new IllegalArgumentException("no service-linked role for " + service));
    Optional<Role> existing = core.store().roles().find(accountId, definition.roleName());
    return existing.orElseGet(() -> createServiceLinkedRole(accountId, service, definition, null, null));
  }

  private Role createServiceLinkedRole(
      String accountId, String service, ServiceLinkedRoles.Definition definition, String suffix, String description) {
    String name = definition.roleName() + (suffix == null ? "" : "_" + suffix);
    String path = "/aws-service-role/" + service + "/";
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
        + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    Role role = new Role(IamIds.uniqueId(IamIds.ROLE), accountId, name, path, core.now(), trust,
        description, Role.DEFAULT_MAX_SESSION_DURATION, null, true, null, null, List.of());
    Role created;
    try {
      created = core.store().roles().create(role);
    } catch (dev.onair.protocol.error.AwsServiceException e) {
      if (e.errorCode() == IamErrorCode.EntityAlreadyExists) {
        throw IamErrors.invalidInput(
            "Service role name " + name + " has been taken in this account, please try a different suffix.");
      }
      throw e;
    }
    core.store().attachments().attach(EntityType.ROLE, created.roleId(), definition.policyArn());
    return created;
  }

  public StructNode deleteServiceLinkedRole(CallContext context, StructNode input) {
    Role role = named(context, input);
    if (!role.serviceLinked()) {
      throw IamErrors.invalidInput("Role " + role.name() + " is not a service-linked role.");
    }
    String service = role.path().substring("/aws-service-role/".length(), role.path().length() - 1);
    String taskId = "task" + role.path() + role.name() + "/" + UUID.randomUUID();
    core.store().roles().delete(role.roleId());
    core.store().roles().recordDeletionTask(context.accountId(), taskId, "SUCCEEDED", core.now());
    return StructNode.builder().put("DeletionTaskId", taskId).build();
  }

  public StructNode getServiceLinkedRoleDeletionStatus(CallContext context, StructNode input) {
    String taskId = Params.required(input, "DeletionTaskId");
    Validation.length("DeletionTaskId", taskId, 1, 1000);
    String status = core.store().roles().deletionTaskStatus(context.accountId(), taskId)
        .orElseThrow(() -> IamErrors.of(IamErrorCode.NoSuchEntity, "Deletion task " + taskId + " not found."));
    return StructNode.builder().put("Status", status).build();
  }

  private Role named(CallContext context, StructNode input) {
    String name = Params.required(input, "RoleName");
    Validation.entityName("RoleName", name, 64);
    return core.role(context.accountId(), name);
  }

  private Role modifiable(CallContext context, StructNode input) {
    String name = Params.required(input, "RoleName");
    Validation.entityName("RoleName", name, 64);
    return core.modifiableRole(context.accountId(), name);
  }

  /** The ARN a service-linked role for {@code service} would get, for CreateServiceLinkedRole's check. */
  static String serviceLinkedRoleArn(String accountId, String service) {
    String roleName = ServiceLinkedRoles.find(service).map(ServiceLinkedRoles.Definition::roleName)
        .orElse("AWSServiceRoleFor");
    return Arns.role(accountId, "/aws-service-role/" + service + "/", roleName);
  }
}
