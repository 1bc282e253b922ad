package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrorCode;
import dev.onair.iam.IamErrors;
import dev.onair.iam.model.LoginProfile;
import dev.onair.iam.store.LoginProfileRepository;
import dev.onair.storage.Jdbc;
import java.time.Instant;
import java.util.Optional;

final class JdbcLoginProfileRepository implements LoginProfileRepository {
  private final Jdbc jdbc;

  JdbcLoginProfileRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public LoginProfile create(String userId, String userName, String passwordHash, boolean resetRequired, Instant now) {
    return jdbc.transaction(tx -> IamSql.unique(() -> {
      tx.update(
          "insert into iam_login_profile (user_id, password_hash, reset_required, created_at) values (?, ?, ?, ?)",
          userId, passwordHash, resetRequired, now);
      return new LoginProfile(userId, userName, now, resetRequired);
    }, () -> IamErrors.of(IamErrorCode.EntityAlreadyExists, "Login Profile for user " + userName
        + " already exists.")));
  }

  @Override
  public Optional<StoredLoginProfile> find(String userId, String userName) {
    return jdbc.queryOne(
        "select password_hash, reset_required, created_at from iam_login_profile where user_id = ?",
        row -> new StoredLoginProfile(
            new LoginProfile(userId, userName, row.instant("created_at"), row.bool("reset_required")),
            row.string("password_hash")),
        userId);
  }

  @Override
  public boolean update(String userId, String passwordHash, Boolean resetRequired) {
    return jdbc.transaction(tx -> {
      if (!tx.exists("select user_id from iam_login_profile where user_id = ?", userId)) {
        return false;
      }
      if (passwordHash != null) {
        tx.update("update iam_login_profile set password_hash = ? where user_id = ?", passwordHash, userId);
      }
      if (resetRequired != null) {
        tx.update("update iam_login_profile set reset_required = ? where user_id = ?", resetRequired, userId);
      }
      return true;
    });
  }

  @Override
  public boolean delete(String userId) {
    return jdbc.update("delete from iam_login_profile where user_id = ?", userId) > 0;
  }
}
