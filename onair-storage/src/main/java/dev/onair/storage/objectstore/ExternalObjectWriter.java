package dev.onair.storage.objectstore;

import static java.util.Objects.requireNonNull;

import dev.onair.s3.BucketRepository;
import dev.onair.s3.ObjectWriter;

/**
 * Recordings into the operator's S3-compatible store instead of a node's disk, so that every node writes to (and
 * a surviving node can finish) the same recording. Onair's bucket name becomes the first key segment inside the
 * one external bucket: {@code s3://<ONAIR_S3_BUCKET>/<bucket>/<key>}. The bucket must still exist in Onair, as
 * with the local writer, because IVS checks recording buckets against Onair's S3.
 */
public final class ExternalObjectWriter implements ObjectWriter {
  private final BucketRepository buckets;
  private final S3ObjectStoreClient client;

  public ExternalObjectWriter(BucketRepository buckets, S3ObjectStoreClient client) {
    this.buckets = requireNonNull(buckets, "buckets is null");
    this.client = requireNonNull(client, "client is null");
  }

  public static String externalKey(String bucket, String key) {
    return bucket + "/" + key;
  }

  @Override
  public String put(String bucket, String key, byte[] bytes, String contentType) {
    if (buckets.find(bucket).isEmpty()) {
      throw new IllegalStateException("bucket " + bucket + " does not exist");
    }
    return client.put(externalKey(bucket, key), bytes, contentType);
  }
}
