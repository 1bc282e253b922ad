package dev.onair.storage.objectstore;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.Secret;
import java.net.URI;

/**
 * An operator's S3-compatible object store ({@code ONAIR_S3_ENDPOINT} and friends).
 *
 * @param endpoint scheme, host and port, e.g. {@code https://minio.internal:9000}
 * @param bucket the one bucket Onair writes into; Onair's own bucket names become the first key segment
 * @param pathStyle {@code endpoint/bucket/key} when true (MinIO, moto, Ceph); {@code bucket.endpoint/key} when false
 * @param region the signing region; most S3-compatible servers accept any
 */
public record ObjectStoreSettings(
    URI endpoint, String accessKeyId, Secret secretAccessKey, String bucket, boolean pathStyle, String region) {
  public ObjectStoreSettings {
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(accessKeyId, "accessKeyId is null");
    requireNonNull(secretAccessKey, "secretAccessKey is null");
    requireNonNull(bucket, "bucket is null");
    requireNonNull(region, "region is null");
    if (endpoint.getHost() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
      throw new IllegalArgumentException("ONAIR_S3_ENDPOINT must be an http(s)://host[:port] URL");
    }
  }

  /** The secret stays out of logs. */
  @Override
  public String toString() {
    return "ObjectStoreSettings[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + ", bucket=" + bucket
        + ", pathStyle=" + pathStyle + ", region=" + region + "]";
  }
}
