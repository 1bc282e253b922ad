package dev.onair.iam;

import dev.onair.iam.model.Group;
import dev.onair.iam.model.User;
import dev.onair.iam.support.IamIds;
import dev.onair.iam.support.Paging;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.Validation;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;

/** IAM groups and their membership. */
public final class GroupService {
  private final IamCore core;

  public GroupService(IamCore core) {
    this.core = core;
  }

  public StructNode createGroup(CallContext context, StructNode input) {
    String name = Params.required(input, "GroupName");
    Validation.entityName("GroupName", name, 128);
    String path = UserService.pathOrDefault(input, "Path");
    Group group = core.store().groups().create(
        new Group(IamIds.uniqueId(IamIds.GROUP), context.accountId(), name, path, core.now()));
    return StructNode.builder().put("Group", IamShapes.group(group)).build();
  }

  public StructNode getGroup(CallContext context, StructNode input) {
    Group group = named(context, input);
    List<User> members = core.store().groups().members(group.groupId());
    Paging.Page<User> page = Paging.page(members, user -> Validation.nameKey(user.name()), input);
    StructNode.Builder builder = StructNode.builder()
        .put("Group", IamShapes.group(group))
        .put("Users", ListNode.map(page.items(), user -> IamShapes.user(user, false)));
    return page.addTo(builder).build();
  }

  public StructNode listGroups(CallContext context, StructNode input) {
    String prefix = UserService.pathPrefix(input);
    List<Group> groups = core.store().groups().list(context.accountId()).stream()
        .filter(group -> group.path().startsWith(prefix))
        .toList();
    return groupPage(groups, input);
  }

  public StructNode updateGroup(CallContext context, StructNode input) {
    Group group = named(context, input);
    String newName = Params.optional(input, "NewGroupName");
    if (newName != null) {
      Validation.entityName("NewGroupName", newName, 128);
    }
    String newPath = Params.optional(input, "NewPath");
    if (newPath != null) {
      Validation.path("NewPath", newPath);
    }
    core.store().groups().update(group.groupId(), newName, newPath);
    return StructNode.EMPTY;
  }

  public StructNode deleteGroup(CallContext context, StructNode input) {
    core.store().groups().delete(named(context, input).groupId());
    return StructNode.EMPTY;
  }

  public StructNode addUserToGroup(CallContext context, StructNode input) {
    Group group = named(context, input);
    User user = user(context, input);
    core.store().groups().addMember(group.groupId(), user.userId());
    return StructNode.EMPTY;
  }

  public StructNode removeUserFromGroup(CallContext context, StructNode input) {
    Group group = named(context, input);
    User user = user(context, input);
    if (!core.store().groups().removeMember(group.groupId(), user.userId())) {
      throw IamErrors.of(IamErrorCode.NoSuchEntity,
          "User " + user.name() + " is not in group " + group.name() + ".");
    }
    return StructNode.EMPTY;
  }

  public StructNode listGroupsForUser(CallContext context, StructNode input) {
    User user = user(context, input);
    return groupPage(core.store().groups().groupsForUser(user.userId()), input);
  }

  private static StructNode groupPage(List<Group> groups, StructNode input) {
    Paging.Page<Group> page = Paging.page(groups, group -> Validation.nameKey(group.name()), input);
    StructNode.Builder builder = StructNode.builder().put("Groups", ListNode.map(page.items(), IamShapes::group));
    return page.addTo(builder).build();
  }

  private Group named(CallContext context, StructNode input) {
    String name = Params.required(input, "GroupName");
    Validation.entityName("GroupName", name, 128);
    return core.group(context.accountId(), name);
  }

  private User user(CallContext context, StructNode input) {
    String name = Params.required(input, "UserName");
    Validation.entityName("UserName", name, 128);
    return core.user(context.accountId(), name);
  }
}
