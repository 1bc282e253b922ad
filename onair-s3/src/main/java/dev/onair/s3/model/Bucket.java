package dev.onair.s3.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A bucket's metadata. Bucket names are global (as on AWS), the owner account and region are what the IVS recorder
 * checks, and the policy is the JSON text exactly as the owner put it.
 *
 * @param policy the bucket policy JSON, or null when the bucket has none
 */
public record Bucket(String name, String accountId, String region, Instant creationDate, String policy) {
  public Bucket {
    requireNonNull(name, "name is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(region, "region is null");
    requireNonNull(creationDate, "creationDate is null");
  }

  public Bucket withPolicy(String newPolicy) {
    return new Bucket(name, accountId, region, creationDate, newPolicy);
  }

  public String arn() {
    return "arn:aws:s3:::" + name;
  }
}
