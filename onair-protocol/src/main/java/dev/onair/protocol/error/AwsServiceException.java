package dev.onair.protocol.error;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the client should see, in its protocol's format. Services throw it; one writer per protocol renders it.
 * No stack trace is captured: these are expected outcomes, not bugs, and they are thrown on hot paths (denials).
 */
public final class AwsServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode errorCode;
  private final Map<String, String> extraFields;

  public AwsServiceException(ErrorCode errorCode, String message) {
    this(errorCode, message, Map.of());
  }

  /**
   * @param extraFields members some error shapes carry besides the message (S3's BucketName or Key, IVS's
   *     resourceArn); written after the message in wire order
   */
  public AwsServiceException(ErrorCode errorCode, String message, Map<String, String> extraFields) {
    super(message, null, false, false);
    this.errorCode = requireNonNull(errorCode, "errorCode is null");
    this.extraFields = new LinkedHashMap<>(extraFields);
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public Map<String, String> extraFields() {
    return Map.copyOf(extraFields);
  }

  /** Extra fields in insertion order, for serialisers that must keep it. */
  public Iterable<Map.Entry<String, String>> orderedExtraFields() {
    return extraFields.entrySet();
  }
}
