package dev.onair.s3;

/**
 * Writes objects on behalf of a service (the IVS recorder writing segments, playlists and event files). Bypasses
 * IAM on purpose: the service-linked role's permission was checked when the recording configuration was created.
 */
public interface ObjectWriter {
  /**
   * Stores the object atomically, replacing any object with that key.
   *
   * @return the object's ETag, without quotes
   * @throws IllegalStateException when the bucket no longer exists
   */
  String put(String bucket, String key, byte[] bytes, String contentType);
}
