package dev.onair.iam;

import dev.onair.iam.model.AttachedPolicy;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.support.Paging;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.Validation;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.tree.StructNode;
import java.util.List;

/** Managed policy attachments of users, groups and roles (Attach/Detach/ListAttached…Policies). */
public final class AttachmentService {
  private final IamCore core;

  public AttachmentService(IamCore core) {
    this.core = core;
  }

  private String ownerId(CallContext context, StructNode input, EntityType type, boolean modifying) {
    return switch (type) {
      case USER -> {
        String name = Params.required(input, "UserName");
        Validation.entityName("UserName", name, 128);
        yield core.user(context.accountId(), name).userId();
      }
      case GROUP -> {
        String name = Params.required(input, "GroupName");
        Validation.entityName("GroupName", name, 128);
        yield core.group(context.accountId(), name).groupId();
      }
      case ROLE -> {
        String name = Params.required(input, "RoleName");
        Validation.entityName("RoleName", name, 64);
        yield modifying
            ? core.modifiableRole(context.accountId(), name).roleId()
            : core.role(context.accountId(), name).roleId();
      }
      case POLICY -> throw new IllegalArgumentException("policies are not attached to policies");
    };
  }

  StructNode attach(CallContext context, StructNode input, EntityType type) {
    String ownerId = ownerId(context, input, type, true);
    String arn = Params.required(input, "PolicyArn");
    core.attachablePolicy(arn);
    core.store().attachments().attach(type, ownerId, arn);
    return StructNode.EMPTY;
  }

  StructNode detach(CallContext context, StructNode input, EntityType type) {
    String ownerId = ownerId(context, input, type, true);
    String arn = Params.required(input, "PolicyArn");
    IamCore.requireArn("PolicyArn", arn);
    if (!core.store().attachments().detach(type, ownerId, arn)) {
      throw IamErrors.noSuchPolicy(arn);
    }
    return StructNode.EMPTY;
  }

  StructNode listAttached(CallContext context, StructNode input, EntityType type) {
    String ownerId = ownerId(context, input, type, false);
    String prefix = UserService.pathPrefix(input);
    List<AttachedPolicy> attached = core.store().attachments().attached(type, ownerId).stream()
        .map(arn -> core.managedPolicy(arn)
            .filter(policy -> policy.path().startsWith(prefix))
            .map(policy -> new AttachedPolicy(policy.name(), policy.arn())))
        .flatMap(java.util.Optional::stream)
        .sorted(java.util.Comparator.comparing(AttachedPolicy::policyArn))
        .toList();
    Paging.Page<AttachedPolicy> page = Paging.page(attached, AttachedPolicy::policyArn, input);
    return page.addTo(StructNode.builder().put("AttachedPolicies", IamShapes.attachedPolicies(page.items())))
        .build();
  }

  public StructNode attachUserPolicy(CallContext context, StructNode input) {
    return attach(context, input, EntityType.USER);
  }

  public StructNode detachUserPolicy(CallContext context, StructNode input) {
    return detach(context, input, EntityType.USER);
  }

  public StructNode listAttachedUserPolicies(CallContext context, StructNode input) {
    return listAttached(context, input, EntityType.USER);
  }

  public StructNode attachGroupPolicy(CallContext context, StructNode input) {
    return attach(context, input, EntityType.GROUP);
  }

  public StructNode detachGroupPolicy(CallContext context, StructNode input) {
    return detach(context, input, EntityType.GROUP);
  }

  public StructNode listAttachedGroupPolicies(CallContext context, StructNode input) {
    return listAttached(context, input, EntityType.GROUP);
  }

  public StructNode attachRolePolicy(CallContext context, StructNode input) {
    return attach(context, input, EntityType.ROLE);
  }

  public StructNode detachRolePolicy(CallContext context, StructNode input) {
    return detach(context, input, EntityType.ROLE);
  }

  public StructNode listAttachedRolePolicies(CallContext context, StructNode input) {
    return listAttached(context, input, EntityType.ROLE);
  }
}
