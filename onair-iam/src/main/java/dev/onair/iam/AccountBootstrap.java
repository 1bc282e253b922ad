package dev.onair.iam;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
import dev.onair.iam.model.Account;
import dev.onair.iam.model.Arns;
import dev.onair.iam.model.EntityType;
import dev.onair.iam.model.User;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.support.IamIds;
import dev.onair.iam.support.Passwords;
import dev.onair.protocol.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First start: the account, the root console password and the IAM user {@code admin} with AdministratorAccess
 * and one access key. Secrets Onair generated are written once to {@code <dataDir>/bootstrap-credentials} (mode
 * 0600); only that path is reported, never a secret. Later starts find the account marked complete and change
 * nothing.
 *
 * <p>Crash safety: the credentials file is written before the secrets are stored, and the account is marked
 * complete last. A start interrupted half-way therefore re-runs with fresh secrets and rewrites the file, so the
 * file always matches what the store accepts.
 */
public final class AccountBootstrap {
  public static final String ADMIN_USER = "admin";
  public static final String ADMINISTRATOR_ACCESS = Arns.AWS_MANAGED_PREFIX + "AdministratorAccess";
  public static final String CREDENTIALS_FILE = "bootstrap-credentials";

  /**
   * @param credentialsFile where generated secrets were written on this start; null when nothing was generated
   *     or the account already existed
   * @param created whether this start created the account
   */
  public record Result(Account account, Path credentialsFile, boolean created) {}

  private final IamStore store;
  private final Clock clock;

  public AccountBootstrap(IamStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public Result ensure(BootstrapSettings settings) {
    var existing = store.accounts().find();
    if (existing.isPresent() && store.accounts().bootstrapCompleted(existing.get().accountId())) {
      return new Result(existing.get(), null, false);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String accountId = existing.map(Account::accountId)
        .orElse(settings.accountId() != null ? settings.accountId() : IamIds.accountId());
    Map<String, String> generated = new LinkedHashMap<>();
    String rootPassword = settings.rootPassword();
    if (rootPassword == null) {
      rootPassword = Passwords.generate();
      generated.put("root_password", rootPassword);
    }
    String keyId = settings.adminAccessKeyId();
    String secret = settings.adminSecretAccessKey();
    if (keyId == null) {
      keyId = IamIds.accessKeyId(false);
      secret = IamIds.secretAccessKey();
      generated.put("admin_access_key_id", keyId);
      generated.put("admin_secret_access_key", secret);
    }
    Path credentialsFile = null;
    if (!generated.isEmpty()) {
      credentialsFile = writeCredentials(settings.dataDir(), accountId, generated);
    }
    String rootHash = Passwords.hash(rootPassword);
    Account account = store.accounts().createIfAbsent(new Account(accountId, now), rootHash);
    store.accounts().setRootPasswordHash(account.accountId(), rootHash);
    User admin = store.users().find(account.accountId(), ADMIN_USER).orElseGet(() -> store.users().create(
        new User(IamIds.uniqueId(IamIds.USER), account.accountId(), ADMIN_USER, "/", now, null, null, List.of())));
    store.attachments().attach(EntityType.USER, admin.userId(), ADMINISTRATOR_ACCESS);
    // Keys left by an interrupted earlier attempt have secrets nobody holds any more: replace them.
    for (AccessKey stale : store.accessKeys().list(admin.userId())) {
      store.accessKeys().delete(stale.accessKeyId());
    }
    store.accessKeys().create(
        new AccessKey(keyId, account.accountId(), admin.userId(), ADMIN_USER, AccessKeyStatus.Active, now, null, null,
            null),
        Secret.of(secret));
    store.accounts().markBootstrapCompleted(account.accountId());
    return new Result(account, credentialsFile, true);
  }

  private static Path writeCredentials(Path dataDir, String accountId, Map<String, String> generated) {
    StringBuilder text = new StringBuilder()
        .append("# Onair first-start credentials, generated once. Keep this file private; move the values to a\n")
        .append("# password manager and delete it. Onair never writes it again.\n")
        .append("account_id=").append(accountId).append('\n');
    if (generated.containsKey("root_password")) {
      text.append("root_password=").append(generated.get("root_password")).append('\n');
    }
    if (generated.containsKey("admin_access_key_id")) {
      text.append("admin_user=").append(ADMIN_USER).append('\n')
          .append("admin_access_key_id=").append(generated.get("admin_access_key_id")).append('\n')
          .append("admin_secret_access_key=").append(generated.get("admin_secret_access_key")).append('\n');
    }
    Path file = dataDir.resolve(CREDENTIALS_FILE);
    Path temp = dataDir.resolve(CREDENTIALS_FILE + ".tmp");
    try {
      Files.createDirectories(dataDir);
      Files.deleteIfExists(temp);
      try {
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(temp);
      }
      Files.writeString(temp, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.SYNC);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Checks the root console password in constant time (Argon2id verification). */
  public boolean verifyRootPassword(String accountId, String password) {
    return store.accounts().rootPasswordHash(accountId)
        .map(hash -> Passwords.verify(password, hash))
        .orElse(false);
  }
}
