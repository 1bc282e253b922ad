package dev.onair.s3;

/**
 * What the IVS side needs from S3, without depending on this module: whether a recording bucket exists where a
 * recording configuration says, and a way to write recordings into it. The composition root adapts it to IVS's
 * own port ({@code RecordingBucketChecker}).
 */
public interface BucketDirectory {
  /** Whether {@code bucket} exists, is owned by {@code accountId} and lives in {@code region}. */
  boolean exists(String accountId, String region, String bucket);
}
