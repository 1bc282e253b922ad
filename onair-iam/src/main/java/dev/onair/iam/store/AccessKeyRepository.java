package dev.onair.iam.store;

import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
import dev.onair.protocol.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Long-term access keys. Secrets are encrypted at rest by the implementation. */
public interface AccessKeyRepository {
  int MAX_PER_USER = 2;

  /** An access key with its decrypted secret, for SigV4 verification only. */
  record StoredAccessKey(AccessKey key, Secret secret) {}

  /** @throws LimitExceeded "Cannot exceed quota for AccessKeysPerUser: 2" */
  AccessKey create(AccessKey key, Secret secret);

  /** Sorted by creation time. */
  List<AccessKey> list(String userId);

  Optional<AccessKey> find(String accessKeyId);

  Optional<StoredAccessKey> findWithSecret(String accessKeyId);

  /** @return false when the key does not exist */
  boolean updateStatus(String accessKeyId, AccessKeyStatus status);

  boolean delete(String accessKeyId);

  void recordUse(String accessKeyId, String serviceName, String region, Instant when);
}
