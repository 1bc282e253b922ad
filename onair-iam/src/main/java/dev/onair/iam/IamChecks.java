package dev.onair.iam;

import dev.onair.iam.model.Arns;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Group;
import dev.onair.iam.model.ManagedPolicy;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.support.Params;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.tree.StructNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the authorization checks IAM operations declare: the action on the entity's ARN (with its stored path),
 * plus aws:ResourceTag/k and iam:ResourceTag/k from the entity's stored tags. A name that does not exist yields
 * the path-less ARN, so a caller without permission gets AccessDenied rather than learning whether it exists.
 */
public final class IamChecks {
  private final IamCore core;

  public IamChecks(IamCore core) {
    this.core = core;
  }

  public static AuthorizationCheck check(String action, String resourceArn) {
    return AuthorizationCheck.of(action, resourceArn);
  }

  public AuthorizationCheck user(CallContext context, String action, StructNode input) {
    return user(context, action, Params.optional(input, "UserName"));
  }

  public AuthorizationCheck user(CallContext context, String action, String name) {
    String account = context.accountId();
    if (name == null) {
      return check(action, Arns.user(account, "/", ""));
    }
    return namedUser(action, account, name, core.store().users().find(account, name));
  }

  /** For operations whose UserName defaults to the caller's own user. */
  public AuthorizationCheck implicitUser(CallContext context, String action, StructNode input) {
    String name = Params.optional(input, "UserName");
    if (name != null) {
      return user(context, action, name);
    }
    Caller caller = context.caller();
    if (caller.type() == Caller.CallerType.USER) {
      return callingUser(action, caller, core.store().users().findById(caller.userId()));
    }
    return check(action, caller.principalArn());
  }

  /** GetUser's check ({@link #implicitUser}); the user it reads is what the call answers with. */
  public AuthorizationCheck getUser(CallContext context, StructNode input) {
    String action = "iam:GetUser";
    String name = Params.optional(input, "UserName");
    String account = context.accountId();
    if (name != null) {
      return namedUser(action, account, name, core.readUserForCall(context, account, name));
    }
    Caller caller = context.caller();
    if (caller.type() == Caller.CallerType.USER) {
      return callingUser(action, caller, core.readUserByIdForCall(context, caller.userId()));
    }
    return check(action, caller.principalArn());
  }

  private static AuthorizationCheck namedUser(String action, String account, String name, Optional<User> user) {
    return onUser(action, user, Arns.user(account, "/", name));
  }

  private static AuthorizationCheck callingUser(String action, Caller caller, Optional<User> user) {
    return onUser(action, user, caller.arn());
  }

  /** The check on a stored user with its tags, or on {@code arnIfMissing} when there is no such user. */
  private static AuthorizationCheck onUser(String action, Optional<User> user, String arnIfMissing) {
    return user.map(found -> withResourceTags(check(action, found.arn()), found.tags()))
        .orElse(check(action, arnIfMissing));
  }

  public AuthorizationCheck group(CallContext context, String action, StructNode input) {
    String account = context.accountId();
    String name = Params.optional(input, "GroupName");
    if (name == null) {
      return check(action, Arns.group(account, "/", ""));
    }
    return core.store().groups().find(account, name)
        .map(Group::arn)
        .map(arn -> check(action, arn))
        .orElse(check(action, Arns.group(account, "/", name)));
  }

  public AuthorizationCheck role(CallContext context, String action, StructNode input) {
    return role(context, action, Params.optional(input, "RoleName"));
  }

  public AuthorizationCheck role(CallContext context, String action, String name) {
    String account = context.accountId();
    if (name == null) {
      return check(action, Arns.role(account, "/", ""));
    }
    Optional<Role> role = core.store().roles().find(account, name);
    return role.map(found -> withResourceTags(check(action, found.arn()), found.tags()))
        .orElse(check(action, Arns.role(account, "/", name)));
  }

  public AuthorizationCheck policy(CallContext context, String action, StructNode input) {
    String arn = Params.optional(input, "PolicyArn");
    if (arn == null) {
      return check(action, Arns.policy(context.accountId(), "/", ""));
    }
    AuthorizationCheck check = check(action, arn);
    if (Arns.isAwsManaged(arn)) {
      return check;
    }
    return core.store().policies().findByArn(arn)
        .map(ManagedPolicy::tags)
        .map(tags -> withResourceTags(check, tags))
        .orElse(check);
  }

  /** aws:RequestTag/k and aws:TagKeys from a Tags member. */
  public static AuthorizationCheck withRequestTags(AuthorizationCheck check, StructNode input) {
    List<StructNode> items = Params.structs(input, "Tags");
    Map<String, String> tags = new LinkedHashMap<>();
    for (StructNode item : items) {
      String key = item.string("Key");
      String value = item.string("Value");
      if (key != null) {
        tags.put(key, value == null ? "" : value);
      }
    }
    return check.withRequestTags(tags);
  }

  /** aws:TagKeys from an untag request's TagKeys member. */
  public static AuthorizationCheck withTagKeys(AuthorizationCheck check, StructNode input) {
    List<String> keys = Params.strings(input, "TagKeys");
    return keys.isEmpty() ? check : check.withKey("aws:TagKeys", keys);
  }

  static AuthorizationCheck withResourceTags(AuthorizationCheck check, List<Tag> tags) {
    AuthorizationCheck result = check;
    for (Tag tag : tags) {
      result = result
          .withKey("aws:ResourceTag/" + tag.key(), tag.value())
          .withKey("iam:ResourceTag/" + tag.key(), tag.value());
    }
    return result;
  }

  public List<Tag> storedTags(EntityType type, String id) {
    return core.store().tags().tags(type, id);
  }
}
