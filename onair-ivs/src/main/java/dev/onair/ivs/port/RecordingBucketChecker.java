package dev.onair.ivs.port;

/**
 * Whether a recording configuration's bucket can receive recordings. Implemented by the S3 service: true only when
 * the bucket exists and is owned by the same account in the same region, which is what makes AWS set ACTIVE
 * rather than CREATE_FAILED.
 */
@FunctionalInterface
public interface RecordingBucketChecker {
  boolean usable(String accountId, String region, String bucketName);
}
