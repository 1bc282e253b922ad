package dev.onair.iam.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A long-term access key's metadata; the secret never lives in this record. */
public record AccessKey(
    String accessKeyId,
    String accountId,
    String userId,
    String userName,
    AccessKeyStatus status,
    Instant createDate,
    Instant lastUsedDate,
    String lastUsedService,
    String lastUsedRegion) {
  public AccessKey {
    requireNonNull(accessKeyId, "accessKeyId is null");
    requireNonNull(userId, "userId is null");
    requireNonNull(status, "status is null");
  }
}
