package dev.onair.protocol.error;

import dev.onair.protocol.AwsProtocol;

/**
 * Codes for failures that happen before a service's own code runs (the request cannot be read, the operation does
 * not exist, the body is too large, a bug), named as AWS names them for each protocol family.
 */
public final class CommonErrors {
  /** A Query request without an Action parameter. */
  public static final ErrorCode MISSING_ACTION = ErrorCode.of("MissingAction", 400);
  /** A Query body or query string that is not valid form encoding or not UTF-8. */
  public static final ErrorCode MALFORMED_QUERY_STRING = ErrorCode.of("MalformedQueryString", 400);
  /** A JSON or CBOR body that does not parse, or is not an object; what AWS's JSON services answer. */
  public static final ErrorCode SERIALIZATION = ErrorCode.of("SerializationException", 400);
  /** A missing or unknown X-Amz-Target or CBOR operation path. */
  public static final ErrorCode UNKNOWN_OPERATION = ErrorCode.of("UnknownOperationException", 400);
  public static final ErrorCode REQUEST_TOO_LARGE = ErrorCode.of("RequestEntityTooLarge", 413);
  public static final ErrorCode INTERNAL_FAILURE = ErrorCode.of("InternalFailure", 500);
  public static final ErrorCode INTERNAL_SERVER_EXCEPTION = ErrorCode.of("InternalServerException", 500);
  public static final ErrorCode INTERNAL_ERROR = ErrorCode.of("InternalError", 500);
  public static final ErrorCode SERVICE_UNAVAILABLE = ErrorCode.of("ServiceUnavailable", 503);

  private CommonErrors() {}

  /** The code a protocol family uses for an unexpected server fault. */
  public static ErrorCode internal(AwsProtocol protocol) {
    return switch (protocol) {
      case AWS_QUERY, AWS_JSON_1_0, AWS_JSON_1_1, RPC_V2_CBOR -> INTERNAL_FAILURE;
      case REST_JSON_1 -> INTERNAL_SERVER_EXCEPTION;
      case REST_XML -> INTERNAL_ERROR;
    };
  }

  /** The generic message AWS gives for server faults; never details of the cause. */
  public static final String INTERNAL_MESSAGE = "We encountered an internal error. Please try again.";
}
