package dev.onair.iam.auth;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.IamCore;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Group;
import dev.onair.iam.model.InlinePolicy;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.StsSession;
import dev.onair.iam.model.User;
import dev.onair.iam.store.IamStore;
import dev.onair.protocol.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers a principal's policy documents: a user's inline and attached policies plus those of its groups, or an
 * assumed role's plus the session policies, and the permissions boundary. Policies that no longer exist (a
 * detached ARN that was deleted meanwhile) are skipped: they grant nothing.
 */
public final class IamPrincipalPolicyResolver implements PrincipalPolicyResolver {
  private static final PrincipalPolicies NONE = new PrincipalPolicies(List.of(), null, List.of(), false);

  private final IamCore core;
  private final IamStore store;

  public IamPrincipalPolicyResolver(IamCore core) {
    this.core = requireNonNull(core, "core is null");
    this.store = core.store();
  }

  @Override
  public PrincipalPolicies policiesFor(Caller caller) {
    return switch (caller.type()) {
      case ROOT -> new PrincipalPolicies(List.of(), null, List.of(), true);
      case ANONYMOUS -> NONE;
      case USER -> store.users().findById(caller.userId()).map(this::forUser).orElse(NONE);
      case ASSUMED_ROLE -> forSession(caller);
    };
  }

  /** The policies of a user, as enforcement and SimulatePrincipalPolicy see them. */
  public PrincipalPolicies forUser(User user) {
    List<NamedPolicyDocument> identity = new ArrayList<>();
    addEntityPolicies(identity, EntityType.USER, user.userId(), "user/" + user.name());
    for (Group group : store.groups().groupsForUser(user.userId())) {
      addEntityPolicies(identity, EntityType.GROUP, group.groupId(), "group/" + group.name());
    }
    return new PrincipalPolicies(identity, boundary(user.permissionsBoundaryArn()), List.of(), false);
  }

  public PrincipalPolicies forGroup(Group group) {
    List<NamedPolicyDocument> identity = new ArrayList<>();
    addEntityPolicies(identity, EntityType.GROUP, group.groupId(), "group/" + group.name());
    return new PrincipalPolicies(identity, null, List.of(), false);
  }

  public PrincipalPolicies forRole(Role role) {
    List<NamedPolicyDocument> identity = new ArrayList<>();
    addEntityPolicies(identity, EntityType.ROLE, role.roleId(), "role/" + role.name());
    return new PrincipalPolicies(identity, boundary(role.permissionsBoundaryArn()), List.of(), false);
  }

  private PrincipalPolicies forSession(Caller caller) {
    Optional<StsSession> session = Optional.ofNullable(caller.accessKeyId())
        .flatMap(id -> store.sessions().find(id))
        .map(stored -> stored.session());
    if (session.isEmpty() || session.get().principalType() != StsSession.PrincipalType.ROLE) {
      return NONE;
    }
    Optional<Role> role = store.roles().findById(session.get().principalId());
    if (role.isEmpty()) {
      return NONE;
    }
    PrincipalPolicies rolePolicies = forRole(role.get());
    return new PrincipalPolicies(
        rolePolicies.identityPolicies(), rolePolicies.permissionsBoundary(), sessionPolicies(session.get()), false);
  }

  private List<NamedPolicyDocument> sessionPolicies(StsSession session) {
    List<NamedPolicyDocument> policies = new ArrayList<>();
    if (session.sessionPolicy() != null) {
      policies.add(new NamedPolicyDocument("session", session.sessionPolicy()));
    }
    for (String arn : session.policyArns()) {
      // A session policy ARN that no longer resolves grants nothing, which must still restrict the session:
      // keep an empty-allow placeholder so the session stays limited to the intersection.
      String document = core.managedPolicyDocument(arn).orElse(ALLOWS_NOTHING);
      policies.add(new NamedPolicyDocument(arn, document));
    }
    return policies;
  }

  private static final String ALLOWS_NOTHING =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"*\",\"Resource\":\"*\"}]}";

  private void addEntityPolicies(
      List<NamedPolicyDocument> target, EntityType type, String ownerId, String sourcePrefix) {
    for (InlinePolicy inline : store.inlinePolicies().list(type, ownerId)) {
      target.add(new NamedPolicyDocument(sourcePrefix + "/" + inline.name(), inline.document()));
    }
    for (String arn : store.attachments().attached(type, ownerId)) {
      core.managedPolicyDocument(arn).ifPresent(document -> target.add(new NamedPolicyDocument(arn, document)));
    }
  }

  private NamedPolicyDocument boundary(String arn) {
    if (arn == null) {
      return null;
    }
    // A boundary whose policy vanished allows nothing, the safe reading of "the boundary no longer grants it".
    String document = core.managedPolicyDocument(arn).orElse(ALLOWS_NOTHING);
    return new NamedPolicyDocument(arn, document);
  }

  @Override
  public long generation() {
    return store.accounts().generation();
  }
}
