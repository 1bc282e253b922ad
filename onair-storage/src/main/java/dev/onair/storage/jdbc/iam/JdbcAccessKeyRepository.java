package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrors;
import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
import dev.onair.iam.store.AccessKeyRepository;
import dev.onair.protocol.Secret;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.SecretCipher;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Access keys. The two-keys-per-user quota is the unique (user_id, slot) constraint with slot in (1, 2): two
 * concurrent CreateAccessKey calls cannot both take the last slot, whatever node they run on.
 */
final class JdbcAccessKeyRepository implements AccessKeyRepository {
  private static final String COLUMNS =
      "k.access_key_id, k.account_id, k.user_id, u.name as user_name, k.status, k.created_at, k.last_used_at,"
          + " k.last_used_service, k.last_used_region";

  private final Jdbc jdbc;
  private final SecretCipher cipher;

  JdbcAccessKeyRepository(Jdbc jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  private static AccessKey map(Row row) throws SQLException {
    return new AccessKey(
        row.string("access_key_id"),
        row.string("account_id"),
        row.string("user_id"),
        row.string("user_name"),
        AccessKeyStatus.valueOf(row.string("status")),
        row.instant("created_at"),
        row.instant("last_used_at"),
        row.string("last_used_service"),
        row.string("last_used_region"));
  }

  @Override
  public AccessKey create(AccessKey key, Secret secret) {
    String encrypted = cipher.encrypt(secret.reveal(), key.accessKeyId());
    return jdbc.transaction(tx -> {
      List<Integer> used = tx.query(
          "select slot from iam_access_key where user_id = ?", row -> row.integer("slot"), key.userId());
      int slot = !used.contains(1) ? 1 : !used.contains(2) ? 2 : 0;
      if (slot == 0) {
        throw IamErrors.quota("AccessKeysPerUser", MAX_PER_USER);
      }
      IamSql.unique(() -> tx.update(
          "insert into iam_access_key (access_key_id, account_id, user_id, slot, status, secret, created_at)"
              + " values (?, ?, ?, ?, ?, ?, ?)",
          key.accessKeyId(), key.accountId(), key.userId(), slot, key.status(), encrypted, key.createDate()),
          () -> IamErrors.quota("AccessKeysPerUser", MAX_PER_USER));
      return key;
    });
  }

  @Override
  public List<AccessKey> list(String userId) {
    return jdbc.query(
        "select " + COLUMNS + " from iam_access_key k join iam_user u on u.user_id = k.user_id"
            + " where k.user_id = ? order by k.created_at, k.access_key_id",
        JdbcAccessKeyRepository::map, userId);
  }

  @Override
  public Optional<AccessKey> find(String accessKeyId) {
    return jdbc.queryOne(
        "select " + COLUMNS + " from iam_access_key k join iam_user u on u.user_id = k.user_id"
            + " where k.access_key_id = ?",
        JdbcAccessKeyRepository::map, accessKeyId);
  }

  @Override
  public Optional<StoredAccessKey> findWithSecret(String accessKeyId) {
    return jdbc.queryOne(
        "select " + COLUMNS + ", k.secret from iam_access_key k join iam_user u on u.user_id = k.user_id"
            + " where k.access_key_id = ?",
        row -> new StoredAccessKey(map(row), Secret.of(cipher.decrypt(row.string("secret"), accessKeyId))),
        accessKeyId);
  }

  @Override
  public boolean updateStatus(String accessKeyId, AccessKeyStatus status) {
    return jdbc.update("update iam_access_key set status = ? where access_key_id = ?", status, accessKeyId) > 0;
  }

  @Override
  public boolean delete(String accessKeyId) {
    return jdbc.update("delete from iam_access_key where access_key_id = ?", accessKeyId) > 0;
  }

  @Override
  public void recordUse(String accessKeyId, String serviceName, String region, Instant when) {
    jdbc.update(
        "update iam_access_key set last_used_at = ?, last_used_service = ?, last_used_region = ?"
            + " where access_key_id = ?",
        when, serviceName, region, accessKeyId);
  }
}
