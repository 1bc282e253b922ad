package dev.onair.iam;

import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AttachedPolicy;
import dev.onair.iam.model.Group;
import dev.onair.iam.model.ManagedPolicy;
import dev.onair.iam.model.PolicyVersion;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.support.PolicyText;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;

/** IAM's output shapes (iam.md §1.5), members in model order. Policy documents go out URL-encoded. */
public final class IamShapes {
  private IamShapes() {}

  /** @param detail whether to include PermissionsBoundary and Tags, which List* operations leave out */
  public static StructNode user(User user, boolean detail) {
    StructNode.Builder builder = StructNode.builder()
        .put("Path", user.path())
        .put("UserName", user.name())
        .put("UserId", user.userId())
        .put("Arn", user.arn())
        .put("CreateDate", user.createDate())
        .put("PasswordLastUsed", user.passwordLastUsed());
    if (detail) {
      builder.put("PermissionsBoundary", boundary(user.permissionsBoundaryArn()));
      if (!user.tags().isEmpty()) {
        builder.put("Tags", tags(user.tags()));
      }
    }
    return builder.build();
  }

  public static StructNode group(Group group) {
    return StructNode.builder()
        .put("Path", group.path())
        .put("GroupName", group.name())
        .put("GroupId", group.groupId())
        .put("Arn", group.arn())
        .put("CreateDate", group.createDate())
        .build();
  }

  public static StructNode role(Role role, boolean detail) {
    StructNode.Builder builder = StructNode.builder()
        .put("Path", role.path())
        .put("RoleName", role.name())
        .put("RoleId", role.roleId())
        .put("Arn", role.arn())
        .put("CreateDate", role.createDate())
        .put("AssumeRolePolicyDocument", PolicyText.urlEncode(role.trustPolicy()))
        .put("Description", role.description())
        .put("MaxSessionDuration", role.maxSessionDuration());
    if (detail) {
      builder.put("PermissionsBoundary", boundary(role.permissionsBoundaryArn()));
      if (!role.tags().isEmpty()) {
        builder.put("Tags", tags(role.tags()));
      }
      StructNode.Builder lastUsed = StructNode.builder()
          .put("LastUsedDate", role.lastUsedDate())
          .put("Region", role.lastUsedRegion());
      builder.put("RoleLastUsed", lastUsed.build());
    }
    return builder.build();
  }

  public static StructNode policy(ManagedPolicy policy, boolean withTags) {
    StructNode.Builder builder = StructNode.builder()
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
        .put("UpdateDate", policy.updateDate());
    if (withTags && !policy.tags().isEmpty()) {
      builder.put("Tags", tags(policy.tags()));
    }
    return builder.build();
  }

  public static StructNode policyVersion(PolicyVersion version, boolean withDocument) {
    return StructNode.builder()
        .put("Document", withDocument ? PolicyText.urlEncode(version.document()) : null)
        .put("VersionId", version.versionId())
        .put("IsDefaultVersion", version.defaultVersion())
        .put("CreateDate", version.createDate())
        .build();
  }

  public static StructNode accessKeyMetadata(AccessKey key) {
    return StructNode.builder()
        .put("UserName", key.userName())
        .put("AccessKeyId", key.accessKeyId())
        .put("Status", key.status().name())
        .put("CreateDate", key.createDate())
        .build();
  }

  public static StructNode boundary(String arn) {
    if (arn == null) {
      return null;
    }
    return StructNode.builder()
        .put("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
        .put("PermissionsBoundaryArn", arn)
        .build();
  }

  public static ListNode tags(List<Tag> tags) {
    return ListNode.map(tags, tag -> StructNode.builder().put("Key", tag.key()).put("Value", tag.value()).build());
  }

  public static ListNode attachedPolicies(List<AttachedPolicy> policies) {
    return ListNode.map(
        policies,
        policy -> StructNode.builder()
            .put("PolicyName", policy.policyName())
            .put("PolicyArn", policy.policyArn())
            .build());
  }
}
