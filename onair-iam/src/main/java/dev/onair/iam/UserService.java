package dev.onair.iam;

import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.support.IamIds;
import dev.onair.iam.support.Paging;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.Validation;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;

/** IAM users: one method per AWS operation, named like it. */
public final class UserService {
  static final int MAX_USER_NAME = 64;

  private final IamCore core;

  public UserService(IamCore core) {
    this.core = core;
  }

  public StructNode createUser(CallContext context, StructNode input) {
    String name = Params.required(input, "UserName");
    Validation.entityName("UserName", name, MAX_USER_NAME);
    String path = pathOrDefault(input, "Path");
    String boundary = Params.optional(input, "PermissionsBoundary");
    if (boundary != null) {
      core.attachablePolicy(boundary);
    }
    List<Tag> tags = Params.tags(input, "Tags");
    User user = new User(
        IamIds.uniqueId(IamIds.USER), context.accountId(), name, path, core.now(), boundary, null, tags);
    User created = core.store().users().create(user);
    return StructNode.builder().put("User", IamShapes.user(created, true)).build();
  }

  public StructNode getUser(CallContext context, StructNode input) {
    String name = Params.optional(input, "UserName");
    User user;
    if (name != null) {
      Validation.entityName("UserName", name, 128);
      user = core.userOfCall(context, context.accountId(), name);
    } else {
      Caller caller = context.caller();
      if (caller.type() == Caller.CallerType.ROOT) {
        return StructNode.builder().put("User", rootUser(context)).build();
      }
      user = core.callingUserOfCall(context);
    }
    return StructNode.builder().put("User", IamShapes.user(user, true)).build();
  }

  private static StructNode rootUser(CallContext context) {
    return StructNode.builder()
        .put("Path", "/")
        .put("UserName", "root")
        .put("UserId", context.accountId())
        .put("Arn", context.caller().arn())
        .put("CreateDate", context.requestTime())
        .build();
  }

  public StructNode listUsers(CallContext context, StructNode input) {
    String prefix = pathPrefix(input);
    List<User> users = core.store().users().list(context.accountId()).stream()
        .filter(user -> user.path().startsWith(prefix))
        .toList();
    Paging.Page<User> page = Paging.page(users, user -> Validation.nameKey(user.name()), input);
    StructNode.Builder builder = StructNode.builder()
        .put("Users", ListNode.map(page.items(), user -> IamShapes.user(user, false)));
    return page.addTo(builder).build();
  }

  public StructNode updateUser(CallContext context, StructNode input) {
    String name = Params.required(input, "UserName");
    Validation.entityName("UserName", name, 128);
    String newName = Params.optional(input, "NewUserName");
    if (newName != null) {
      Validation.entityName("NewUserName", newName, MAX_USER_NAME);
    }
    String newPath = Params.optional(input, "NewPath");
    if (newPath != null) {
      Validation.path("NewPath", newPath);
    }
    User user = core.user(context.accountId(), name);
    core.store().users().update(user.userId(), newName, newPath);
    return StructNode.EMPTY;
  }

  public StructNode deleteUser(CallContext context, StructNode input) {
    User user = named(context, input);
    core.store().users().delete(user.userId());
    return StructNode.EMPTY;
  }

  public StructNode tagUser(CallContext context, StructNode input) {
    User user = named(context, input);
    Validation.requireNotNull("Tags", input.get("Tags"));
    core.store().tags().tag(EntityType.USER, user.userId(), Params.tags(input, "Tags"));
    return StructNode.EMPTY;
  }

  public StructNode untagUser(CallContext context, StructNode input) {
    User user = named(context, input);
    core.store().tags().untag(EntityType.USER, user.userId(), Params.tagKeys(input, "TagKeys"));
    return StructNode.EMPTY;
  }

  public StructNode listUserTags(CallContext context, StructNode input) {
    User user = named(context, input);
    return tagPage(core.store().tags().tags(EntityType.USER, user.userId()), input);
  }

  public StructNode putUserPermissionsBoundary(CallContext context, StructNode input) {
    User user = named(context, input);
    String arn = Params.required(input, "PermissionsBoundary");
    core.attachablePolicy(arn);
    core.store().users().setPermissionsBoundary(user.userId(), arn);
    return StructNode.EMPTY;
  }

  public StructNode deleteUserPermissionsBoundary(CallContext context, StructNode input) {
    User user = named(context, input);
    core.store().users().setPermissionsBoundary(user.userId(), null);
    return StructNode.EMPTY;
  }

  private User named(CallContext context, StructNode input) {
    String name = Params.required(input, "UserName");
    Validation.entityName("UserName", name, 128);
    return core.user(context.accountId(), name);
  }

  static StructNode tagPage(List<Tag> tags, StructNode input) {
    Paging.Page<Tag> page = Paging.page(
        tags.stream().sorted(java.util.Comparator.comparing(tag -> Validation.nameKey(tag.key()))).toList(),
        tag -> Validation.nameKey(tag.key()),
        input);
    return page.addTo(StructNode.builder().put("Tags", IamShapes.tags(page.items()))).build();
  }

  static String pathOrDefault(StructNode input, String member) {
    String path = Params.optional(input, member);
    if (path == null) {
      return "/";
    }
    Validation.path(member, path);
    return path;
  }

  static String pathPrefix(StructNode input) {
    String prefix = Params.optional(input, "PathPrefix");
    if (prefix == null) {
      return "/";
    }
    Validation.pathPrefix("PathPrefix", prefix);
    return prefix;
  }
}
