package dev.onair.iam.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * An IAM role. {@code trustPolicy} is the document exactly as the client sent it.
 *
 * @param serviceLinked whether only the service may change it (UnmodifiableEntity for everyone else)
 */
public record Role(
    String roleId,
    String accountId,
    String name,
    String path,
    Instant createDate,
    String trustPolicy,
    String description,
    int maxSessionDuration,
    String permissionsBoundaryArn,
    boolean serviceLinked,
    Instant lastUsedDate,
    String lastUsedRegion,
    List<Tag> tags) {
  public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

  public Role {
    requireNonNull(roleId, "roleId is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(name, "name is null");
    requireNonNull(path, "path is null");
    requireNonNull(createDate, "createDate is null");
    requireNonNull(trustPolicy, "trustPolicy is null");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public String arn() {
    return Arns.role(accountId, path, name);
  }

  public Role withTags(List<Tag> newTags) {
    return new Role(
        roleId, accountId, name, path, createDate, trustPolicy, description, maxSessionDuration,
        permissionsBoundaryArn, serviceLinked, lastUsedDate, lastUsedRegion, newTags);
  }
}
