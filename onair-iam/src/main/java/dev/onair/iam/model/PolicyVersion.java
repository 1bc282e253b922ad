package dev.onair.iam.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** @param versionId {@code v<N>}; N grows monotonically and is never reused after a delete */
public record PolicyVersion(String versionId, String document, boolean defaultVersion, Instant createDate) {
  public PolicyVersion {
    requireNonNull(versionId, "versionId is null");
    requireNonNull(document, "document is null");
  }

  public static String id(int number) {
    return "v" + number;
  }

  /** The number of a {@code v<N>} id, or -1 when it is not one. */
  public static int number(String versionId) {
    if (versionId == null || !versionId.matches("v[1-9][0-9]{0,8}")) {
      return -1;
    }
    return Integer.parseInt(versionId.substring(1));
  }
}
