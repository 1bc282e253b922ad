package dev.onair.s3;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.s3.model.ObjectAttributes;
import dev.onair.s3.model.ObjectMetadata;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** Object headers in both directions: what a PUT stores, and what GET and HEAD return. */
final class ObjectHeaders {
  static final String META_PREFIX = "x-amz-meta-";
  static final List<String> STORED_HEADERS =
      List.of("Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires");
  static final List<String> CHECKSUM_ALGORITHMS = List.of("CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME");

  private ObjectHeaders() {}

  static ObjectAttributes attributes(HttpRequest request) {
    Map<String, String> metadata = new LinkedHashMap<>();
    Map<String, String> stored = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : request.headers().entries()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(META_PREFIX)) {
        metadata.merge(name.substring(META_PREFIX.length()), header.getValue(), (a, b) -> a + "," + b);
      }
    }
    for (String name : STORED_HEADERS) {
      String value = request.header(name);
      if (name.equals("Content-Encoding") && value != null) {
        value = withoutAwsChunked(value);
      }
      if (value != null && !value.isEmpty()) {
        stored.put(name, value);
      }
    }
    return new ObjectAttributes(request.header("Content-Type"), metadata, stored, Map.of());
  }

  // aws-chunked is a transfer detail of the upload, not part of the object's representation
  private static String withoutAwsChunked(String contentEncoding) {
    List<String> kept = new ArrayList<>();
    for (String coding : contentEncoding.split(",")) {
      String trimmed = coding.trim();
      if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("aws-chunked")) {
        kept.add(trimmed);
      }
    }
    return String.join(",", kept);
  }

  /**
   * Checks the Content-MD5 and {@code x-amz-checksum-*} headers against the body and returns the checksums to
   * store. CRC64NVME has no JDK implementation, so it is kept as sent without checking.
   */
  static Map<String, String> verifyIntegrity(HttpRequest request, byte[] body) {
    String contentMd5 = request.header("Content-MD5");
    if (contentMd5 != null) {
      byte[] expected;
      try {
        expected = Base64.getDecoder().decode(contentMd5.trim());
      } catch (IllegalArgumentException e) {
        throw S3Errors.of(S3ErrorCode.INVALID_DIGEST, S3ErrorCode.INVALID_DIGEST.defaultMessage(),
            "Content-MD5", contentMd5);
      }
      if (expected.length != 16) {
        throw S3Errors.of(S3ErrorCode.INVALID_DIGEST, S3ErrorCode.INVALID_DIGEST.defaultMessage(),
            "Content-MD5", contentMd5);
      }
      byte[] actual = ETags.md5().digest(body);
      if (!java.security.MessageDigest.isEqual(expected, actual)) {
        throw S3Errors.of(S3ErrorCode.BAD_DIGEST, S3ErrorCode.BAD_DIGEST.defaultMessage(),
            "ExpectedDigest", contentMd5,
            "CalculatedDigest", Base64.getEncoder().encodeToString(actual));
      }
    }
    Map<String, String> checksums = new LinkedHashMap<>();
    for (String algorithm : CHECKSUM_ALGORITHMS) {
      String value = request.header("x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT));
      if (value == null) {
        continue;
      }
      String computed = checksum(algorithm, body);
      if (computed != null && !computed.equals(value.trim())) {
        throw S3Errors.of(S3ErrorCode.BAD_DIGEST,
            "The " + algorithm + " you specified did not match the calculated checksum.");
      }
      checksums.put(algorithm, value.trim());
    }
    return checksums;
  }

  /** Base64 checksum as S3 writes it, or null for algorithms the JDK lacks. */
  static String checksum(String algorithm, byte[] body) {
    switch (algorithm) {
      case "CRC32":
        return crc(new CRC32(), body);
      case "CRC32C":
        return crc(new CRC32C(), body);
      case "SHA1":
        return digest("SHA-1", body);
      case "SHA256":
        return digest("SHA-256", body);
      default:
        return null;
    }
  }

  private static String crc(Checksum checksum, byte[] body) {
    checksum.update(body, 0, body.length);
    long value = checksum.getValue();
    byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String digest(String algorithm, byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance(algorithm).digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * GET and HEAD headers. {@code response-*} query parameters override the stored values, as S3 allows for signed
   * requests (presigned downloads use them to force a file name).
   */
  static HttpHeaders forGet(ObjectMetadata metadata, HttpRequest request, boolean checksumMode) {
    ObjectAttributes attributes = metadata.attributes();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Last-Modified", HttpDates.format(metadata.lastModified())));
    headers.add(Map.entry("ETag", metadata.quotedEtag()));
    headers.add(Map.entry("Accept-Ranges", "bytes"));
    String contentType = override(request, "response-content-type", attributes.effectiveContentType());
    headers.add(Map.entry("Content-Type", contentType));
    for (String name : STORED_HEADERS) {
      String value = override(request, "response-" + name.toLowerCase(Locale.ROOT), attributes.headers().get(name));
      if (value != null) {
        headers.add(Map.entry(name, value));
      }
    }
    attributes.userMetadata().forEach((name, value) -> headers.add(Map.entry(META_PREFIX + name, value)));
    if (checksumMode && metadata.partsCount() == 0) {
      attributes.checksums().forEach((algorithm, value) ->
          headers.add(Map.entry("x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT), value)));
    }
    return new HttpHeaders(headers);
  }

  private static String override(HttpRequest request, String parameter, String stored) {
    String value = request.queryParameter(parameter);
    return value != null ? value : stored;
  }
}
