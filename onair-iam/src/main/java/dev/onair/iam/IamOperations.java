package dev.onair.iam;

import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Binds each IAM operation name to its method and to the authorization AWS performs for it: the IAM action, the
 * resource ARN(s) and the operation's condition keys (iam:PolicyARN, iam:PermissionsBoundary,
 * iam:AWSServiceName, aws:RequestTag/*, aws:TagKeys, aws:ResourceTag/*).
 */
public final class IamOperations {
  private final IamService service;
  final IamChecks checks;
  private final List<Operation> operations = new ArrayList<>();

  private IamOperations(IamService service) {
    this.service = service;
    this.checks = new IamChecks(service.core());
  }

  public static List<Operation> all(IamService service) {
    IamOperations builder = new IamOperations(service);
    builder.users();
    builder.accessKeys();
    IamOperationsMore.register(builder, service, builder.checks);
    return List.copyOf(builder.operations);
  }

  private void users() {
    UserService users = service.users();
    add("CreateUser", (c, in) -> {
      String path = in.string("Path") == null ? "/" : in.string("Path");
      AuthorizationCheck check = IamChecks.check(
          "iam:CreateUser",
          dev.onair.iam.model.Arns.user(c.accountId(), path, String.valueOf(in.string("UserName"))));
      String boundary = in.string("PermissionsBoundary");
      if (boundary != null) {
        check = check.withKey("iam:PermissionsBoundary", boundary);
      }
      return List.of(IamChecks.withRequestTags(check, in));
    }, users::createUser);
    add("GetUser", (c, in) -> List.of(checks.getUser(c, in)), users::getUser);
    add("ListUsers", (c, in) -> List.of(accountWide(c, "iam:ListUsers", "user")), users::listUsers);
    add("UpdateUser", (c, in) -> {
      List<AuthorizationCheck> list = new ArrayList<>();
      list.add(checks.user(c, "iam:UpdateUser", in));
      String newName = in.string("NewUserName");
      if (newName != null) {
        String newPath = in.string("NewPath") == null ? "/" : in.string("NewPath");
        list.add(IamChecks.check("iam:UpdateUser", dev.onair.iam.model.Arns.user(c.accountId(), newPath, newName)));
      }
      return list;
    }, users::updateUser);
    add("DeleteUser", (c, in) -> List.of(checks.user(c, "iam:DeleteUser", in)), users::deleteUser);
    add("TagUser", (c, in) -> List.of(IamChecks.withRequestTags(checks.user(c, "iam:TagUser", in), in)),
        users::tagUser);
    add("UntagUser", (c, in) -> List.of(IamChecks.withTagKeys(checks.user(c, "iam:UntagUser", in), in)),
        users::untagUser);
    add("ListUserTags", (c, in) -> List.of(checks.user(c, "iam:ListUserTags", in)), users::listUserTags);
    add("PutUserPermissionsBoundary", (c, in) -> List.of(boundaryKey(
        checks.user(c, "iam:PutUserPermissionsBoundary", in), in)), users::putUserPermissionsBoundary);
    add("DeleteUserPermissionsBoundary",
        (c, in) -> List.of(checks.user(c, "iam:DeleteUserPermissionsBoundary", in)),
        users::deleteUserPermissionsBoundary);
  }

  private void accessKeys() {
    AccessKeyService keys = service.accessKeys();
    add("CreateAccessKey", (c, in) -> List.of(checks.implicitUser(c, "iam:CreateAccessKey", in)),
        keys::createAccessKey);
    add("ListAccessKeys", (c, in) -> List.of(checks.implicitUser(c, "iam:ListAccessKeys", in)),
        keys::listAccessKeys);
    add("UpdateAccessKey", (c, in) -> List.of(checks.implicitUser(c, "iam:UpdateAccessKey", in)),
        keys::updateAccessKey);
    add("DeleteAccessKey", (c, in) -> List.of(checks.implicitUser(c, "iam:DeleteAccessKey", in)),
        keys::deleteAccessKey);
    add("GetAccessKeyLastUsed", (c, in) -> List.of(IamChecks.check("iam:GetAccessKeyLastUsed",
        lastUsedResource(c, in))), keys::getAccessKeyLastUsed);
  }

  private String lastUsedResource(CallContext context, StructNode input) {
    String keyId = input.string("AccessKeyId");
    if (keyId == null) {
      return dev.onair.iam.model.Arns.user(context.accountId(), "/", "");
    }
    return service.core().store().accessKeys().find(keyId)
        .flatMap(key -> service.core().store().users().findById(key.userId()))
        .map(dev.onair.iam.model.User::arn)
        .orElse(dev.onair.iam.model.Arns.user(context.accountId(), "/", ""));
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  /** List operations authorize on the resource type's root, e.g. {@code arn:aws:iam::ACCT:user/}. */
  static AuthorizationCheck accountWide(CallContext context, String action, String resourceType) {
    return IamChecks.check(action, "arn:aws:iam::" + context.accountId() + ":" + resourceType + "/");
  }

  static AuthorizationCheck boundaryKey(AuthorizationCheck check, StructNode input) {
    String arn = input.string("PermissionsBoundary");
    return arn == null ? check : check.withKey("iam:PermissionsBoundary", arn);
  }

  static AuthorizationCheck policyArnKey(AuthorizationCheck check, StructNode input) {
    String arn = input.string("PolicyArn");
    return arn == null ? check : check.withKey("iam:PolicyARN", arn);
  }

  void add(
      String name,
      Operation.Authorization authorization,
      BiFunction<CallContext, StructNode, StructNode> method) {
    Operation operation = new Operation(name, guard(authorization), handler(method));
    operations.add(readsOnly(name) ? operation.asReadOnly() : operation);
  }

  /**
   * IAM names exactly its reading operations Get* and List* (the Simulate* pair reads too but is left undeclared:
   * it evaluates whole policy sets, work for a worker thread).
   */
  static boolean readsOnly(String name) {
    return name.startsWith("Get") || name.startsWith("List");
  }

  /** Wrong member types found while building checks become the same validation error the handler would give. */
  private static Operation.Authorization guard(Operation.Authorization authorization) {
    return (context, input) -> {
      try {
        return authorization.checks(context, input);
      } catch (StructNode.MemberTypeException e) {
        throw IamErrors.validation(e.getMessage());
      }
    };
  }

  static Operation.Handler handler(BiFunction<CallContext, StructNode, StructNode> method) {
    return (context, input) -> {
      try {
        return OperationResult.output(method.apply(context, input));
      } catch (StructNode.MemberTypeException e) {
        throw IamErrors.validation(e.getMessage());
      } catch (MalformedPolicyDocumentException e) {
        throw IamErrors.malformed(e.awsMessage());
      }
    };
  }
}
