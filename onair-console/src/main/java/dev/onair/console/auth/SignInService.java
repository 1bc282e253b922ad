package dev.onair.console.auth;

import static java.util.Objects.requireNonNull;

import dev.onair.console.session.SignedIn;
import dev.onair.iam.model.Account;
import dev.onair.iam.model.Arns;
import dev.onair.iam.model.PasswordPolicy;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.store.LoginProfileRepository.StoredLoginProfile;
import dev.onair.iam.support.Passwords;
import dev.onair.protocol.Caller;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proves who is signing in: the root password or an IAM user's login profile, both Argon2id hashes checked by
 * onair-iam. This is authentication only; what the principal may then do is decided per call by the policy
 * engine. Every failure looks the same to the caller and costs about the same time, so neither the answer nor
 * its timing tells whether an account, a user or a login profile exists.
 */
public final class SignInService {
  /** @param passwordResetRequired the login profile demands a new password before anything else */
  public record Verified(SignedIn principal, boolean passwordResetRequired) {}

  private final IamStore store;
  private final Clock clock;
  private volatile String decoyHash;

  public SignInService(IamStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The account an id or alias names, if it is this installation's. */
  public Optional<String> accountId(String label) {
    if (label == null || label.isBlank()) {
      return Optional.empty();
    }
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    return store.accounts().find().map(Account::accountId).filter(id ->
        id.equals(wanted) || store.accounts().alias(id).map(alias -> alias.equals(wanted)).orElse(false));
  }

  public Optional<Verified> verifyRoot(String accountLabel, String password) {
    Optional<String> accountId = accountId(accountLabel);
    String hash = accountId.flatMap(id -> store.accounts().rootPasswordHash(id)).orElse(null);
    if (!check(password, hash) || accountId.isEmpty()) {
      return Optional.empty();
    }
    String id = accountId.get();
    Caller root = new Caller(Caller.CallerType.ROOT, id, Arns.root(id), id, null, null, null, null, null, Map.of());
    return Optional.of(new Verified(new SignedIn(root, accountLabel.trim(), null), false));
  }

  public Optional<Verified> verifyUser(String accountLabel, String userName, String password) {
    Optional<String> accountId = accountId(accountLabel);
    Optional<User> user = accountId.flatMap(id -> userName == null ? Optional.empty()
        : store.users().find(id, userName.trim()));
    Optional<StoredLoginProfile> profile =
        user.flatMap(found -> store.loginProfiles().find(found.userId(), found.name()));
    if (!check(password, profile.map(StoredLoginProfile::passwordHash).orElse(null)) || profile.isEmpty()) {
      return Optional.empty();
    }
    User found = user.get();
    store.users().recordPasswordUse(found.userId(), clock.instant());
    Caller caller = new Caller(Caller.CallerType.USER, found.accountId(), found.arn(), found.userId(), found.name(),
        null, null, null, null, tags(found));
    return Optional.of(new Verified(new SignedIn(caller, accountLabel.trim(), found.name()),
        profile.get().profile().passwordResetRequired()));
  }

  /** The account's password policy, to tell a user what a new password must contain. */
  public Optional<PasswordPolicy> passwordPolicy(String accountId) {
    return store.accounts().passwordPolicy(accountId);
  }

  /** Without a stored hash, a decoy is checked instead, so that "no such user" costs an Argon2id run too. */
  private boolean check(String password, String hash) {
    if (password == null || password.isEmpty()) {
      return false;
    }
    if (hash == null) {
      Passwords.verify(password, decoy());
      return false;
    }
    return Passwords.verify(password, hash);
  }

  private String decoy() {
    String hash = decoyHash;
    if (hash == null) {
      hash = Passwords.hash(dev.onair.console.session.Tokens.random256());
      decoyHash = hash;
    }
    return hash;
  }

  private Map<String, String> tags(User user) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Tag tag : store.users().tags(user.userId())) {
      tags.put(tag.key(), tag.value());
    }
    return tags;
  }
}
