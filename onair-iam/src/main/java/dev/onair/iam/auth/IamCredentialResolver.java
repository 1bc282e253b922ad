package dev.onair.iam.auth;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.model.AccessKeyStatus;
import dev.onair.iam.model.Arns;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.StsSession;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.store.AccessKeyRepository.StoredAccessKey;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.store.SessionRepository.StoredSession;
import dev.onair.iam.support.IamIds;
import dev.onair.protocol.Caller;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves access key ids from the store: long-term AKIA keys to their user, temporary ASIA keys to the
 * assumed-role session (or, for GetSessionToken, the user) that they belong to.
 *
 * <p>Expired temporary credentials still resolve, with their expiration, so that the front door can answer
 * ExpiredToken rather than InvalidClientTokenId, as AWS does.
 */
public final class IamCredentialResolver implements CredentialResolver {
  private final IamStore store;

  public IamCredentialResolver(IamStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  @Override
  public Optional<ResolvedCredential> resolve(String accessKeyId) {
    if (accessKeyId == null || accessKeyId.isEmpty()) {
      return Optional.empty();
    }
    if (accessKeyId.startsWith(IamIds.TEMPORARY_KEY)) {
      return store.sessions().find(accessKeyId).flatMap(this::temporary);
    }
    return store.accessKeys().findWithSecret(accessKeyId).flatMap(this::longTerm);
  }

  private Optional<ResolvedCredential> longTerm(StoredAccessKey stored) {
    return store.users().findById(stored.key().userId()).map(user -> new ResolvedCredential(
        userCaller(user, stored.key().accessKeyId(), null),
        stored.secret(),
        stored.key().status() == AccessKeyStatus.Active,
        null,
        null));
  }

  private Optional<ResolvedCredential> temporary(StoredSession stored) {
    StsSession session = stored.session();
    Optional<Caller> caller = switch (session.principalType()) {
      case USER -> store.users().findById(session.principalId())
          .map(user -> userCaller(user, session.accessKeyId(), session.issuedAt()));
      case ROLE -> store.roles().findById(session.principalId()).map(role -> roleCaller(role, session));
    };
    return caller.map(value -> new ResolvedCredential(
        value, stored.secretAccessKey(), true, stored.sessionToken(), session.expiresAt()));
  }

  static Caller userCaller(User user, String accessKeyId, Instant tokenIssueTime) {
    return new Caller(
        Caller.CallerType.USER,
        user.accountId(),
        user.arn(),
        user.userId(),
        user.name(),
        accessKeyId,
        null,
        null,
        tokenIssueTime,
        tagMap(user.tags(), List.of()));
  }

  static Caller roleCaller(Role role, StsSession session) {
    return new Caller(
        Caller.CallerType.ASSUMED_ROLE,
        role.accountId(),
        Arns.assumedRole(role.accountId(), role.name(), session.sessionName()),
        role.roleId() + ":" + session.sessionName(),
        role.name(),
        session.accessKeyId(),
        role.arn(),
        session.sessionName(),
        session.issuedAt(),
        tagMap(role.tags(), session.sessionTags()));
  }

  /** Principal tags: the entity's, overridden by session tags with the same key (case-insensitively). */
  private static Map<String, String> tagMap(List<Tag> entityTags, List<Tag> sessionTags) {
    Map<String, Tag> byKey = new LinkedHashMap<>();
    entityTags.forEach(tag -> byKey.put(tag.key().toLowerCase(java.util.Locale.ROOT), tag));
    sessionTags.forEach(tag -> byKey.put(tag.key().toLowerCase(java.util.Locale.ROOT), tag));
    Map<String, String> tags = new LinkedHashMap<>();
    byKey.values().forEach(tag -> tags.put(tag.key(), tag.value()));
    return tags;
  }

  @Override
  public void recordUse(String accessKeyId, String serviceName, String region, Instant when) {
    if (accessKeyId == null) {
      return;
    }
    if (accessKeyId.startsWith(IamIds.TEMPORARY_KEY)) {
      store.sessions().find(accessKeyId)
          .filter(stored -> stored.session().principalType() == StsSession.PrincipalType.ROLE)
          .ifPresent(stored -> store.roles().recordUse(stored.session().principalId(), when, region));
      return;
    }
    store.accessKeys().recordUse(accessKeyId, serviceName, region, when);
  }

  /** Principal tags of a user, for callers that build a Caller outside SigV4 (the console). */
  public Map<String, String> userTags(String userId) {
    return tagMap(store.tags().tags(EntityType.USER, userId), List.of());
  }
}
