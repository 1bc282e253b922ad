package dev.onair.iam;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.model.Arns;
import dev.onair.iam.model.Group;
import dev.onair.iam.model.ManagedPolicy;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.User;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.Validation;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.CallMemo;
import dev.onair.protocol.Caller;
import dev.onair.protocol.tree.StructNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every IAM operation group shares: the store, the AWS managed policy catalogue, the clock, and the lookups
 * that turn a name from the request into an entity or AWS's NoSuchEntity.
 */
public final class IamCore {
  private final IamStore store;
  private final AwsPolicyCatalog catalog;
  private final Clock clock;
  private final CallMemo<Optional<User>> userReads = new CallMemo<>();

  public IamCore(IamStore store, AwsPolicyCatalog catalog, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public IamStore store() {
    return store;
  }

  public AwsPolicyCatalog catalog() {
    return catalog;
  }

  public Clock clock() {
    return clock;
  }

  /** Now, to the second, as IAM reports creation dates. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  public User user(String accountId, String name) {
    return store.users().find(accountId, name).orElseThrow(() -> IamErrors.noSuchUser(name));
  }

  /**
   * The user a call's check reads (by name, or by id for the caller's own user), kept for the same call's
   * handler: GetUser authorizes on the user's stored path and tags and answers with the same row.
   */
  Optional<User> readUserForCall(CallContext context, String accountId, String name) {
    return userReads.put(context, "name:" + accountId + ":" + name, store.users().find(accountId, name));
  }

  Optional<User> readUserByIdForCall(CallContext context, String userId) {
    return userReads.put(context, "id:" + userId, store.users().findById(userId));
  }

  /** {@link #user} from what this call's check read, else read now. */
  User userOfCall(CallContext context, String accountId, String name) {
    return userReads.take(context, "name:" + accountId + ":" + name, () -> store.users().find(accountId, name))
        .orElseThrow(() -> IamErrors.noSuchUser(name));
  }

  private Optional<User> userByIdOfCall(CallContext context, String userId) {
    return userReads.take(context, "id:" + userId, () -> store.users().findById(userId));
  }

  public Group group(String accountId, String name) {
    return store.groups().find(accountId, name).orElseThrow(() -> IamErrors.noSuchGroup(name));
  }

  public Role role(String accountId, String name) {
    return store.roles().find(accountId, name).orElseThrow(() -> IamErrors.noSuchRole(name));
  }

  /** A role that the caller may change through the ordinary APIs (not service-linked). */
  public Role modifiableRole(String accountId, String name) {
    Role role = role(accountId, name);
    if (role.serviceLinked()) {
      throw IamErrors.unmodifiableRole(role.name());
    }
    return role;
  }

  /**
   * The user an operation with an optional UserName acts on: the named one, or the caller's own user. Callers
   * with temporary credentials, role sessions or root must name the user, as AWS requires.
   */
  public User namedOrCallingUser(CallContext context, StructNode input) {
    String name = Params.optional(input, "UserName");
    if (name != null) {
      Validation.entityName("UserName", name, 128);
      return user(context.accountId(), name);
    }
    return callingUser(context, store.users()::findById);
  }

  /** The calling user (GetUser without UserName) from what this call's check read, else read now. */
  User callingUserOfCall(CallContext context) {
    return callingUser(context, userId -> userByIdOfCall(context, userId));
  }

  private static User callingUser(CallContext context, Function<String, Optional<User>> byId) {
    Caller caller = context.caller();
    if (caller.type() != Caller.CallerType.USER || caller.temporaryCredentials()) {
      throw IamErrors.userNameRequired();
    }
    return byId.apply(caller.userId()).orElseThrow(() -> IamErrors.noSuchUser(caller.name()));
  }

  /** The caller's user when it is a long-term IAM user, else empty. */
  public Optional<User> callingUser(Caller caller) {
    if (caller.type() != Caller.CallerType.USER) {
      return Optional.empty();
    }
    return store.users().findById(caller.userId());
  }

  /** A customer or AWS managed policy, with counts; empty when neither exists. */
  public Optional<ManagedPolicy> managedPolicy(String arn) {
    if (Arns.isAwsManaged(arn)) {
      return catalog.find(arn).map(this::awsPolicy);
    }
    return store.policies().findByArn(arn);
  }

  public ManagedPolicy awsPolicy(AwsPolicyCatalog.AwsPolicy policy) {
    return new ManagedPolicy(
        policy.policyId(),
        policy.name(),
        policy.path(),
        policy.arn(),
        policy.description(),
        policy.versionId(),
        store.attachments().attachmentCount(policy.arn()),
        store.attachments().boundaryUsageCount(policy.arn()),
        policy.attachable(),
        policy.createDate(),
        policy.updateDate(),
        true,
        null);
  }

  /** The default version's document of a customer or AWS managed policy. */
  public Optional<String> managedPolicyDocument(String arn) {
    if (Arns.isAwsManaged(arn)) {
      return catalog.find(arn).map(AwsPolicyCatalog.AwsPolicy::document);
    }
    return store.policies().defaultDocument(arn);
  }

  /** Validates an ARN member's form before looking anything up, as IAM does ("ARN x is not valid."). */
  public static void requireArn(String member, String arn) {
    Validation.requireNotNull(member, arn);
    Validation.length(member, arn, 20, 2048);
    if (!arn.startsWith("arn:")) {
      throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
    }
  }

  /** A policy that may be attached (or used as a boundary): exists and is attachable. */
  public ManagedPolicy attachablePolicy(String arn) {
    requireArn("PolicyArn", arn);
    ManagedPolicy policy = managedPolicy(arn).orElseThrow(() -> IamErrors.policyNotAttachable(arn));
    if (!policy.attachable()) {
      throw IamErrors.of(IamErrorCode.PolicyNotAttachable, "Policy " + arn + " is not attachable.");
    }
    return policy;
  }
}
