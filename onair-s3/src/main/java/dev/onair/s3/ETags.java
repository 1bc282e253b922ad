package dev.onair.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** S3's entity tags: MD5 hex for single-part objects, MD5 of the parts' binary MD5s plus {@code -N} for multipart. */
public final class ETags {
  private ETags() {}

  public static String md5Hex(byte[] data) {
    return HexFormat.of().formatHex(md5().digest(data));
  }

  public static String multipart(List<String> partMd5Hex) {
    MessageDigest digest = md5();
    for (String part : partMd5Hex) {
      digest.update(HexFormat.of().parseHex(part));
    }
    return HexFormat.of().formatHex(digest.digest()) + "-" + partMd5Hex.size();
  }

  /** Strips the quotes clients send around ETags (and the {@code W/} weak prefix) for comparison. */
  public static String normalize(String etag) {
    if (etag == null) {
      return null;
    }
    String value = etag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** Whether an If-Match / If-None-Match list ({@code "a", "b"} or {@code *}) names this ETag. */
  public static boolean matchesAny(String headerValue, String etag) {
    for (String candidate : headerValue.split(",")) {
      String value = normalize(candidate);
      if (value.equals("*") || value.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
