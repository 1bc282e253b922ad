package dev.onair.iam.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** An IAM user. {@code tags} is empty when the record was loaded for a listing (IAM omits them there). */
public record User(
    String userId,
    String accountId,
    String name,
    String path,
    Instant createDate,
    String permissionsBoundaryArn,
    Instant passwordLastUsed,
    List<Tag> tags) {
  public User {
    requireNonNull(userId, "userId is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(name, "name is null");
    requireNonNull(path, "path is null");
    requireNonNull(createDate, "createDate is null");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public String arn() {
    return Arns.user(accountId, path, name);
  }

  public User withTags(List<Tag> newTags) {
    return new User(userId, accountId, name, path, createDate, permissionsBoundaryArn, passwordLastUsed, newTags);
  }
}
