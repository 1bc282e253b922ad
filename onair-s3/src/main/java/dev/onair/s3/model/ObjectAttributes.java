package dev.onair.s3.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a writer says about an object besides its bytes, stored with it and returned on GET and HEAD.
 *
 * @param contentType the Content-Type, or null for S3's default {@code binary/octet-stream}
 * @param userMetadata {@code x-amz-meta-*} values keyed by lower-case name without the prefix
 * @param headers the other stored representation headers (Cache-Control, Content-Disposition, Content-Encoding,
 *     Content-Language, Expires) keyed by canonical name
 * @param checksums additional checksums the client sent, keyed by algorithm (CRC32, CRC32C, SHA1, SHA256,
 *     CRC64NVME), base64 as on the wire
 */
public record ObjectAttributes(
    String contentType,
    Map<String, String> userMetadata,
    Map<String, String> headers,
    Map<String, String> checksums) {
  public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
  public static final ObjectAttributes EMPTY = new ObjectAttributes(null, Map.of(), Map.of(), Map.of());

  public ObjectAttributes {
    userMetadata = ordered(userMetadata);
    headers = ordered(headers);
    checksums = ordered(checksums);
  }

  public static ObjectAttributes ofContentType(String contentType) {
    return new ObjectAttributes(contentType, Map.of(), Map.of(), Map.of());
  }

  public String effectiveContentType() {
    return contentType == null || contentType.isEmpty() ? DEFAULT_CONTENT_TYPE : contentType;
  }

  public ObjectAttributes withChecksums(Map<String, String> newChecksums) {
    return new ObjectAttributes(contentType, userMetadata, headers, newChecksums);
  }

  // insertion order is kept so metadata comes back in the order it was sent
  private static Map<String, String> ordered(Map<String, String> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
