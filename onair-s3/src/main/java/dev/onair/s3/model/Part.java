package dev.onair.s3.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One uploaded part; {@code md5} is the part's MD5 hex, which is also its ETag without quotes. */
public record Part(int partNumber, long size, String md5, Instant lastModified) {
  public Part {
    requireNonNull(md5, "md5 is null");
    requireNonNull(lastModified, "lastModified is null");
  }

  public String quotedEtag() {
    return '"' + md5 + '"';
  }
}
