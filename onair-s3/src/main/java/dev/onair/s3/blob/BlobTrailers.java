package dev.onair.s3.blob;

import dev.onair.s3.model.ObjectMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The object format of {@link FilesystemBlobStore} (bytes, JSON metadata trailer, length, magic) for other
 * {@link BlobStore}s that keep objects elsewhere, e.g. in an external S3-compatible store: one stored object holds
 * both the data and its metadata, so a write stays atomic.
 */
public final class BlobTrailers {
  /** Bytes after the JSON: its length (4 bytes) and the magic number. */
  public static final int FOOTER = BlobFile.footerLength();

  private BlobTrailers() {}

  /** The JSON trailer and footer to append after an object's bytes. */
  public static byte[] encode(ObjectMetadata metadata) {
    return BlobFile.encodeTrailer(metadata);
  }

  /**
   * The length of the whole trailer (JSON and footer) that ends {@code tail}, or empty when {@code tail} does not
   * end with an Onair footer.
   */
  public static Optional<Integer> trailerLength(byte[] tail) {
    if (tail.length < FOOTER) {
      return Optional.empty();
    }
    int json = BlobFile.trailerLength(tail, tail.length - FOOTER);
    return json < 0 ? Optional.empty() : Optional.of(json + FOOTER);
  }

  /** The metadata in the trailer that ends {@code tail}, which must hold the whole trailer. */
  public static ObjectMetadata decode(byte[] tail) {
    int total = trailerLength(tail).orElseThrow(() -> new IllegalArgumentException("not an Onair object"));
    if (total > tail.length) {
      throw new IllegalArgumentException("trailer longer than the bytes given");
    }
    byte[] json = java.util.Arrays.copyOfRange(tail, tail.length - total, tail.length - FOOTER);
    try {
      return BlobFile.parseTrailer(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
