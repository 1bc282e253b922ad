package dev.onair.s3;

import dev.onair.s3.model.Bucket;
import java.util.List;
import java.util.Optional;

/** Bucket metadata (owner, region, policy). Bucket names are unique across all accounts, as on AWS. */
public interface BucketRepository {
  /**
   * Inserts the bucket unless the name is taken.
   *
   * @return false when a bucket with that name already exists
   */
  boolean create(Bucket bucket);

  Optional<Bucket> find(String name);

  /** The account's buckets, by name. */
  List<Bucket> list(String accountId);

  /** @param policy the policy JSON, or null to remove it */
  void updatePolicy(String name, String policy);

  void delete(String name);
}
