package dev.onair.iam.store;

import dev.onair.iam.model.LoginProfile;
import java.time.Instant;
import java.util.Optional;

public interface LoginProfileRepository {
  /** A login profile with its Argon2id password hash. */
  record StoredLoginProfile(LoginProfile profile, String passwordHash) {
    @Override
    public String toString() {
      return "StoredLoginProfile[" + profile + "]";
    }
  }

  /** @throws EntityAlreadyExists when the user already has one */
  LoginProfile create(String userId, String userName, String passwordHash, boolean resetRequired, Instant now);

  Optional<StoredLoginProfile> find(String userId, String userName);

  /** Null arguments leave the field unchanged. @return false when there is no profile */
  boolean update(String userId, String passwordHash, Boolean resetRequired);

  boolean delete(String userId);
}
