package dev.onair.iam;

import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.InlinePolicy;
import dev.onair.iam.support.Paging;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.PolicyDocuments;
import dev.onair.iam.support.PolicyText;
import dev.onair.iam.support.Validation;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicySizeLimits;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;

/** Inline policies of users, groups and roles (Put/Get/Delete/List…Policy). */
public final class InlinePolicyService {
  private final IamCore core;

  public InlinePolicyService(IamCore core) {
    this.core = core;
  }

  /** The owning entity, resolved from the request. */
  private record Owner(EntityType type, String id, String name, String member, int limit, String kind) {}

  private Owner owner(CallContext context, StructNode input, EntityType type, boolean modifying) {
    switch (type) {
      case USER -> {
        String name = Params.required(input, "UserName");
        Validation.entityName("UserName", name, 128);
        return new Owner(type, core.user(context.accountId(), name).userId(), name, "UserName",
            PolicySizeLimits.USER_INLINE, "user");
      }
      case GROUP -> {
        String name = Params.required(input, "GroupName");
        Validation.entityName("GroupName", name, 128);
        return new Owner(type, core.group(context.accountId(), name).groupId(), name, "GroupName",
            PolicySizeLimits.GROUP_INLINE, "group");
      }
      case ROLE -> {
        String name = Params.required(input, "RoleName");
        Validation.entityName("RoleName", name, 64);
        String id = modifying
            ? core.modifiableRole(context.accountId(), name).roleId()
            : core.role(context.accountId(), name).roleId();
        return new Owner(type, id, name, "RoleName", PolicySizeLimits.ROLE_INLINE, "role");
      }
      case POLICY -> throw new IllegalArgumentException("policies have no inline policies");
    }
    throw new IllegalArgumentException(type.name());
  }

  private static String policyName(StructNode input) {
    String name = Params.required(input, "PolicyName");
    Validation.entityName("PolicyName", name, 128);
    return name;
  }

  StructNode put(CallContext context, StructNode input, EntityType type) {
    Owner owner = owner(context, input, type, true);
    String name = policyName(input);
    String document = Params.required(input, "PolicyDocument");
    PolicyDocuments.validate("PolicyDocument", document, PolicyKind.IDENTITY, false, 0, null);
    core.store().inlinePolicies().put(new InlinePolicy(type, owner.id(), name, document), owner.limit(),
        "Maximum policy size of " + owner.limit() + " bytes exceeded for " + owner.kind() + " " + owner.name());
    return StructNode.EMPTY;
  }

  StructNode get(CallContext context, StructNode input, EntityType type) {
    Owner owner = owner(context, input, type, false);
    String name = policyName(input);
    InlinePolicy policy = core.store().inlinePolicies().find(type, owner.id(), name)
        .orElseThrow(() -> IamErrors.noSuchInlinePolicy(owner.kind(), owner.name(), name));
    return StructNode.builder()
        .put(owner.member(), owner.name())
        .put("PolicyName", policy.name())
        .put("PolicyDocument", PolicyText.urlEncode(policy.document()))
        .build();
  }

  StructNode delete(CallContext context, StructNode input, EntityType type) {
    Owner owner = owner(context, input, type, true);
    String name = policyName(input);
    if (!core.store().inlinePolicies().delete(type, owner.id(), name)) {
      throw IamErrors.noSuchInlinePolicy(owner.kind(), owner.name(), name);
    }
    return StructNode.EMPTY;
  }

  StructNode list(CallContext context, StructNode input, EntityType type) {
    Owner owner = owner(context, input, type, false);
    List<String> names = core.store().inlinePolicies().list(type, owner.id()).stream()
        .map(InlinePolicy::name)
        .toList();
    Paging.Page<String> page = Paging.page(names, name -> name, input);
    return page.addTo(StructNode.builder().put("PolicyNames", ListNode.ofStrings(page.items()))).build();
  }

  public StructNode putUserPolicy(CallContext context, StructNode input) {
    return put(context, input, EntityType.USER);
  }

  public StructNode getUserPolicy(CallContext context, StructNode input) {
    return get(context, input, EntityType.USER);
  }

  public StructNode deleteUserPolicy(CallContext context, StructNode input) {
    return delete(context, input, EntityType.USER);
  }

  public StructNode listUserPolicies(CallContext context, StructNode input) {
    return list(context, input, EntityType.USER);
  }

  public StructNode putGroupPolicy(CallContext context, StructNode input) {
    return put(context, input, EntityType.GROUP);
  }

  public StructNode getGroupPolicy(CallContext context, StructNode input) {
    return get(context, input, EntityType.GROUP);
  }

  public StructNode deleteGroupPolicy(CallContext context, StructNode input) {
    return delete(context, input, EntityType.GROUP);
  }

  public StructNode listGroupPolicies(CallContext context, StructNode input) {
    return list(context, input, EntityType.GROUP);
  }

  public StructNode putRolePolicy(CallContext context, StructNode input) {
    return put(context, input, EntityType.ROLE);
  }

  public StructNode getRolePolicy(CallContext context, StructNode input) {
    return get(context, input, EntityType.ROLE);
  }

  public StructNode deleteRolePolicy(CallContext context, StructNode input) {
    return delete(context, input, EntityType.ROLE);
  }

  public StructNode listRolePolicies(CallContext context, StructNode input) {
    return list(context, input, EntityType.ROLE);
  }
}
