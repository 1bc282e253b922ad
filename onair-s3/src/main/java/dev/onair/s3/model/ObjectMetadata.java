package dev.onair.s3.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A stored object's description.
 *
 * @param etag the entity tag without quotes: MD5 hex, or {@code <md5-of-md5s>-N} for multipart objects
 * @param partsCount the number of parts for multipart objects, else 0
 */
public record ObjectMetadata(
    String key, long size, String etag, Instant lastModified, int partsCount, ObjectAttributes attributes) {
  public ObjectMetadata {
    requireNonNull(key, "key is null");
    requireNonNull(etag, "etag is null");
    requireNonNull(lastModified, "lastModified is null");
    requireNonNull(attributes, "attributes is null");
  }

  /** The ETag as written in headers and XML: in double quotes. */
  public String quotedEtag() {
    return '"' + etag + '"';
  }
}
