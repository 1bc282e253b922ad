package dev.onair.iam.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A managed policy, customer (stored) or AWS (from the catalogue). Counts are computed when loaded.
 *
 * @param defaultVersionId {@code v<N>}
 */
public record ManagedPolicy(
    String policyId,
    String name,
    String path,
    String arn,
    String description,
    String defaultVersionId,
    int attachmentCount,
    int permissionsBoundaryUsageCount,
    boolean attachable,
    Instant createDate,
    Instant updateDate,
    boolean awsManaged,
    List<Tag> tags) {
  public ManagedPolicy {
    requireNonNull(policyId, "policyId is null");
    requireNonNull(name, "name is null");
    requireNonNull(path, "path is null");
    requireNonNull(arn, "arn is null");
    requireNonNull(defaultVersionId, "defaultVersionId is null");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public ManagedPolicy withCounts(int attachments, int boundaryUses) {
    return new ManagedPolicy(
        policyId, name, path, arn, description, defaultVersionId, attachments, boundaryUses, attachable, createDate,
        updateDate, awsManaged, tags);
  }

  public ManagedPolicy withTags(List<Tag> newTags) {
    return new ManagedPolicy(
        policyId, name, path, arn, description, defaultVersionId, attachmentCount, permissionsBoundaryUsageCount,
        attachable, createDate, updateDate, awsManaged, newTags);
  }
}
