package dev.onair.s3.model;

import static java.util.Objects.requireNonNull;

/** An object's metadata and the bytes of the requested range (the whole object when no range was asked). */
public record ObjectContent(ObjectMetadata metadata, byte[] bytes) {
  public ObjectContent {
    requireNonNull(metadata, "metadata is null");
    requireNonNull(bytes, "bytes is null");
  }
}
