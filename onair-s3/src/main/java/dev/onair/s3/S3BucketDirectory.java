package dev.onair.s3;

import static java.util.Objects.requireNonNull;

import dev.onair.s3.blob.BlobStore;
import dev.onair.s3.model.Bucket;
import dev.onair.s3.model.ObjectAttributes;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/** {@link BucketDirectory} and {@link ObjectWriter} over the S3 service's own stores. */
public final class S3BucketDirectory implements BucketDirectory, ObjectWriter {
  private final BucketRepository buckets;
  private final BlobStore blobs;

  public S3BucketDirectory(BucketRepository buckets, BlobStore blobs) {
    this.buckets = requireNonNull(buckets, "buckets is null");
    this.blobs = requireNonNull(blobs, "blobs is null");
  }

  @Override
  public boolean exists(String accountId, String region, String bucket) {
    if (bucket == null || !BucketNames.isAddressable(bucket)) {
      return false;
    }
    Optional<Bucket> found = buckets.find(bucket);
    return found.isPresent() && found.get().accountId().equals(accountId) && found.get().region().equals(region);
  }

  @Override
  public String put(String bucket, String key, byte[] bytes, String contentType) {
    if (buckets.find(bucket).isEmpty()) {
      throw new IllegalStateException("bucket " + bucket + " does not exist");
    }
    return blobs.put(bucket, key, new ByteArrayInputStream(bytes), ObjectAttributes.ofContentType(contentType))
        .etag();
  }
}
