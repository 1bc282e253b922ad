package dev.onair.s3.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An upload started by CreateMultipartUpload and not yet completed or aborted. */
public record MultipartUpload(
    String bucket, String key, String uploadId, Instant initiated, ObjectAttributes attributes) {
  public MultipartUpload {
    requireNonNull(bucket, "bucket is null");
    requireNonNull(key, "key is null");
    requireNonNull(uploadId, "uploadId is null");
    requireNonNull(initiated, "initiated is null");
    requireNonNull(attributes, "attributes is null");
  }
}
