package dev.onair.iam.store;

import dev.onair.iam.model.ManagedPolicy;
import dev.onair.iam.model.PolicyVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Customer managed policies and their versions. AWS managed policies come from the policy engine's catalogue. */
public interface ManagedPolicyRepository {
  /** Stores the policy with {@code document} as its default version v1. */
  ManagedPolicy create(String accountId, ManagedPolicy policy, String document);

  /** With attachment counts and tags. */
  Optional<ManagedPolicy> findByArn(String arn);

  /** Sorted by lower-cased name, with attachment counts, without tags. */
  List<ManagedPolicy> list(String accountId);

  /**
   * @throws dev.onair.protocol.error.AwsServiceException DeleteConflict while attached, used as a boundary, or
   *     holding non-default versions
   */
  void delete(String arn);

  List<PolicyVersion> versions(String arn);

  Optional<PolicyVersion> version(String arn, String versionId);

  /** The default version's document, or empty when the policy does not exist. */
  Optional<String> defaultDocument(String arn);

  /** @throws LimitExceeded when the policy already has five versions */
  PolicyVersion createVersion(String arn, String document, boolean setAsDefault, Instant now);

  /** @throws NoSuchEntity for an unknown version */
  void setDefaultVersion(String arn, String versionId, Instant now);

  /** @throws DeleteConflict for the default version; NoSuchEntity for an unknown one */
  void deleteVersion(String arn, String versionId);
}
