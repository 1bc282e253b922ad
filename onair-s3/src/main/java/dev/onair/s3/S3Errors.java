package dev.onair.s3;

import dev.onair.protocol.error.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Factories for S3's errors with the extra elements AWS puts in each ({@code <BucketName>}, {@code <Key>} ...), so
 * every operation reports a given failure identically.
 */
public final class S3Errors {
  private S3Errors() {}

  public static AwsServiceException of(S3ErrorCode code) {
    return new AwsServiceException(code, code.defaultMessage());
  }

  public static AwsServiceException of(S3ErrorCode code, String message) {
    return new AwsServiceException(code, message);
  }

  /** Extra elements in wire order: name, value, name, value... */
  public static AwsServiceException of(S3ErrorCode code, String message, String... namesAndValues) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        extra.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return new AwsServiceException(code, message, extra);
  }

  public static AwsServiceException noSuchBucket(String bucket) {
    return of(S3ErrorCode.NO_SUCH_BUCKET, S3ErrorCode.NO_SUCH_BUCKET.defaultMessage(), "BucketName", bucket);
  }

  public static AwsServiceException noSuchKey(String key) {
    return of(S3ErrorCode.NO_SUCH_KEY, S3ErrorCode.NO_SUCH_KEY.defaultMessage(), "Key", key);
  }

  public static AwsServiceException noSuchUpload(String uploadId) {
    return of(S3ErrorCode.NO_SUCH_UPLOAD, S3ErrorCode.NO_SUCH_UPLOAD.defaultMessage(), "UploadId", uploadId);
  }

  public static AwsServiceException invalidBucketName(String bucket) {
    return of(S3ErrorCode.INVALID_BUCKET_NAME, S3ErrorCode.INVALID_BUCKET_NAME.defaultMessage(), "BucketName", bucket);
  }

  public static AwsServiceException bucketError(S3ErrorCode code, String bucket) {
    return of(code, code.defaultMessage(), "BucketName", bucket);
  }

  public static AwsServiceException invalidArgument(String message, String name, String value) {
    return of(S3ErrorCode.INVALID_ARGUMENT, message, "ArgumentName", name, "ArgumentValue", value);
  }

  public static AwsServiceException malformedXml() {
    return of(S3ErrorCode.MALFORMED_XML);
  }

  public static AwsServiceException invalidRequest(String message) {
    return of(S3ErrorCode.INVALID_REQUEST, message);
  }
}
