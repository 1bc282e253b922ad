package dev.onair.storage.jdbc.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.iam.IamErrorCode;
import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
import dev.onair.iam.model.Account;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.Group;
import dev.onair.iam.model.InlinePolicy;
import dev.onair.iam.model.ManagedPolicy;
import dev.onair.iam.model.StsSession;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.support.IamIds;
import dev.onair.protocol.Secret;
import dev.onair.protocol.error.AwsServiceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every IAM store must do, whatever database is behind it. Subclasses supply a fresh, migrated store (H2
 * here; a PostgreSQL subclass runs the same cases).
 */
abstract class IamRepositoryContract {
  static final String ACCOUNT = "123456789012";
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  IamStore store;

  abstract IamStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    store.accounts().createIfAbsent(new Account(ACCOUNT, NOW), "hash");
  }

  User user(String name) {
    return store.users().create(new User(IamIds.uniqueId("AIDA"), ACCOUNT, name, "/", NOW, null, null,
        List.of(new Tag("team", "blue"))));
  }

  @Test
  void users_namesAreUniqueCaseInsensitively() {
    user("Alice");
    assertThatThrownBy(() -> user("ALICE"))
        .isInstanceOf(AwsServiceException.class)
        .satisfies(e -> assertThat(((AwsServiceException) e).errorCode()).isEqualTo(IamErrorCode.EntityAlreadyExists))
        .hasMessage("User with name ALICE already exists.");
    assertThat(store.users().find(ACCOUNT, "alice")).get().extracting(User::name).isEqualTo("Alice");
    assertThat(store.users().find(ACCOUNT, "alice").orElseThrow().tags()).containsExactly(new Tag("team", "blue"));
  }

  @Test
  void users_renameKeepsIdAndFreesOldName() {
    User alice = user("alice");
    store.users().update(alice.userId(), "alicia", "/staff/");
    User renamed = store.users().findById(alice.userId()).orElseThrow();
    assertThat(renamed.name()).isEqualTo("alicia");
    assertThat(renamed.arn()).isEqualTo("arn:aws:iam::123456789012:user/staff/alicia");
    user("alice");
  }

  @Test
  void accessKeys_atMostTwoPerUser_secretRoundTripsEncrypted() {
    User alice = user("alice");
    for (int i = 0; i < 2; i++) {
      store.accessKeys().create(key(alice), Secret.of("secret-" + i + "-0123456789012345678901234567890"));
    }
    assertThatThrownBy(() -> store.accessKeys().create(key(alice), Secret.of("x")))
        .hasMessage("Cannot exceed quota for AccessKeysPerUser: 2");
    AccessKey first = store.accessKeys().list(alice.userId()).get(0);
    assertThat(store.accessKeys().findWithSecret(first.accessKeyId()).orElseThrow().secret().reveal())
        .startsWith("secret-");
    store.accessKeys().delete(first.accessKeyId());
    store.accessKeys().create(key(alice), Secret.of("third"));
    assertThat(store.accessKeys().list(alice.userId())).hasSize(2);
  }

  private static AccessKey key(User user) {
    return new AccessKey(IamIds.accessKeyId(false), ACCOUNT, user.userId(), user.name(), AccessKeyStatus.Active,
        NOW, null, null, null);
  }

  @Test
  void deleteUser_conflictsWhileAccessKeysRemain() {
    User alice = user("alice");
    AccessKey key = store.accessKeys().create(key(alice), Secret.of("s"));
    assertThatThrownBy(() -> store.users().delete(alice.userId()))
        .hasMessage("Cannot delete entity, must delete access keys first.");
    store.accessKeys().delete(key.accessKeyId());
    store.users().delete(alice.userId());
    assertThat(store.users().findById(alice.userId())).isEmpty();
  }

  @Test
  void attachments_quotaOfTenAndGenerationBumps() {
    User alice = user("alice");
    long before = store.accounts().generation();
    for (int i = 0; i < 10; i++) {
      store.attachments().attach(EntityType.USER, alice.userId(), "arn:aws:iam::aws:policy/P" + i);
    }
    assertThat(store.accounts().generation()).isGreaterThan(before);
    assertThatThrownBy(() -> store.attachments().attach(EntityType.USER, alice.userId(), "arn:aws:iam::aws:policy/X"))
        .hasMessage("Cannot exceed quota for PoliciesPerUser: 10");
    assertThat(store.attachments().attached(EntityType.USER, alice.userId())).hasSize(10);
    assertThat(store.attachments().attachmentCount("arn:aws:iam::aws:policy/P3")).isEqualTo(1);
  }

  @Test
  void managedPolicies_versionsAreNumberedOnceAndCappedAtFive() {
    String arn = "arn:aws:iam::123456789012:policy/p";
    store.policies().create(ACCOUNT, new ManagedPolicy(IamIds.uniqueId("ANPA"), "p", "/", arn, null, "v1", 0, 0,
        true, NOW, NOW, false, List.of()), "{\"v\":1}");
    for (int i = 2; i <= 5; i++) {
      store.policies().createVersion(arn, "{\"v\":" + i + "}", i == 5, NOW);
    }
    assertThat(store.policies().findByArn(arn).orElseThrow().defaultVersionId()).isEqualTo("v5");
    assertThatThrownBy(() -> store.policies().createVersion(arn, "{}", false, NOW))
        .satisfies(e -> assertThat(((AwsServiceException) e).errorCode()).isEqualTo(IamErrorCode.LimitExceeded));
    assertThatThrownBy(() -> store.policies().deleteVersion(arn, "v5"))
        .hasMessage("Cannot delete the default version of a policy.");
    store.policies().deleteVersion(arn, "v2");
    assertThat(store.policies().createVersion(arn, "{}", false, NOW).versionId()).isEqualTo("v6");
    assertThat(store.policies().defaultDocument(arn)).contains("{\"v\":5}");
  }

  @Test
  void inlinePolicies_aggregateSizeLimit() {
    User alice = user("alice");
    String big = "{\"a\":\"" + "x".repeat(1500) + "\"}";
    store.inlinePolicies().put(new InlinePolicy(EntityType.USER, alice.userId(), "one", big), 2048, "too big");
    assertThatThrownBy(() -> store.inlinePolicies().put(
        new InlinePolicy(EntityType.USER, alice.userId(), "two", big), 2048, "too big"))
        .hasMessage("too big");
    store.inlinePolicies().put(new InlinePolicy(EntityType.USER, alice.userId(), "one", "{}"), 2048, "too big");
    assertThat(store.inlinePolicies().list(EntityType.USER, alice.userId())).extracting(InlinePolicy::document)
        .containsExactly("{}");
  }

  @Test
  void groups_membershipAndDeleteConflict() {
    User alice = user("alice");
    Group admins = store.groups().create(new Group(IamIds.uniqueId("AGPA"), ACCOUNT, "Admins", "/", NOW));
    store.groups().addMember(admins.groupId(), alice.userId());
    store.groups().addMember(admins.groupId(), alice.userId());
    assertThat(store.groups().members(admins.groupId())).extracting(User::name).containsExactly("alice");
    assertThat(store.groups().groupsForUser(alice.userId())).extracting(Group::name).containsExactly("Admins");
    assertThatThrownBy(() -> store.groups().delete(admins.groupId()))
        .hasMessage("Cannot delete entity, must remove users from group first.");
  }

  @Test
  void tags_replaceCaseInsensitivelyAndCapAtFifty() {
    User alice = user("alice");
    store.tags().tag(EntityType.USER, alice.userId(), List.of(new Tag("TEAM", "red")));
    assertThat(store.tags().tags(EntityType.USER, alice.userId())).containsExactly(new Tag("TEAM", "red"));
    List<Tag> many = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(new Tag("k" + i, "v"));
    }
    assertThatThrownBy(() -> store.tags().tag(EntityType.USER, alice.userId(), many))
        .satisfies(e -> assertThat(((AwsServiceException) e).errorCode()).isEqualTo(IamErrorCode.LimitExceeded));
    assertThat(store.tags().tags(EntityType.USER, alice.userId())).hasSize(1);
  }

  @Test
  void sessions_roundTripWithEncryptedSecrets() {
    String id = IamIds.accessKeyId(true);
    StsSession session = new StsSession(id, ACCOUNT, StsSession.PrincipalType.ROLE, "AROAEXAMPLE", "arn:role",
        "s1", NOW, NOW.plus(1, ChronoUnit.HOURS), "{\"Version\":\"2012-10-17\"}",
        List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), List.of(new Tag("k", "v")), "arn:src");
    store.sessions().create(session, Secret.of("secret"), Secret.of("token"));
    var stored = store.sessions().find(id).orElseThrow();
    assertThat(stored.session()).isEqualTo(session);
    assertThat(stored.secretAccessKey().reveal()).isEqualTo("secret");
    assertThat(stored.sessionToken().reveal()).isEqualTo("token");
    assertThat(store.sessions().deleteExpired(NOW.plus(2, ChronoUnit.HOURS))).isEqualTo(1);
  }

  @Test
  void account_aliasAndPasswordPolicy() {
    store.accounts().setAlias(ACCOUNT, "my-alias");
    store.accounts().setAlias(ACCOUNT, "other-alias");
    assertThat(store.accounts().alias(ACCOUNT)).contains("other-alias");
    assertThat(store.accounts().deleteAlias(ACCOUNT, "my-alias")).isFalse();
    assertThat(store.accounts().deleteAlias(ACCOUNT, "other-alias")).isTrue();
    assertThat(store.accounts().passwordPolicy(ACCOUNT)).isEmpty();
  }
}
