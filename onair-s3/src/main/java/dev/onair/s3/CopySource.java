package dev.onair.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The {@code x-amz-copy-source} header: {@code [/]bucket/key[?versionId=...]}, URL-encoded. */
record CopySource(String bucket, String key) {

  static CopySource parse(String header) {
    if (header == null || header.isBlank()) {
      throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
          "x-amz-copy-source", header);
    }
    String value = header.trim();
    int query = value.indexOf('?');
    if (query >= 0) {
      value = value.substring(0, query);
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw S3Errors.invalidArgument("Invalid copy source encoding", "x-amz-copy-source", header);
    }
    if (decoded.startsWith("/")) {
      decoded = decoded.substring(1);
    }
    int slash = decoded.indexOf('/');
    if (slash <= 0 || slash == decoded.length() - 1) {
      throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
          "x-amz-copy-source", header);
    }
    return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1));
  }
}
