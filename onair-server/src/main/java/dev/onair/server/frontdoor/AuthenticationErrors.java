package dev.onair.server.frontdoor;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.sigv4.SigV4Failure;
import java.util.Map;

/**
 * Authentication failures in each protocol's words (iam.md §3.5): the same situation is InvalidClientTokenId to
 * IAM's clients, UnrecognizedClientException to JSON clients and InvalidAccessKeyId to S3's.
 */
final class AuthenticationErrors {
  static final String INVALID_TOKEN = "The security token included in the request is invalid.";
  static final String EXPIRED_TOKEN = "The security token included in the request is expired";

  private AuthenticationErrors() {}

  static SigV4Failure.ProtocolFamily family(AwsProtocol protocol) {
    return switch (protocol) {
      case AWS_QUERY -> SigV4Failure.ProtocolFamily.QUERY;
      case AWS_JSON_1_0, AWS_JSON_1_1, RPC_V2_CBOR -> SigV4Failure.ProtocolFamily.JSON;
      case REST_JSON_1 -> SigV4Failure.ProtocolFamily.REST_JSON;
      case REST_XML -> SigV4Failure.ProtocolFamily.REST_XML_S3;
    };
  }

  static AwsServiceException fromFailure(SigV4Failure failure, AwsProtocol protocol) {
    SigV4Failure.WireError wire = failure.codeFor(family(protocol));
    // S3 clients expect the diagnostic elements (CanonicalRequest, StringToSign...); other protocols have none
    Map<String, String> extra = protocol == AwsProtocol.REST_XML ? failure.details() : Map.of();
    return new AwsServiceException(ErrorCode.of(wire.code(), wire.httpStatus()), failure.message(), extra);
  }

  /** An access key that does not exist or is inactive. */
  static AwsServiceException unknownKey(AwsProtocol protocol, String accessKeyId) {
    return switch (family(protocol)) {
      case QUERY -> new AwsServiceException(ErrorCode.of("InvalidClientTokenId", 403), INVALID_TOKEN);
      case JSON -> new AwsServiceException(ErrorCode.of("UnrecognizedClientException", 400), INVALID_TOKEN);
      case REST_JSON -> new AwsServiceException(ErrorCode.of("UnrecognizedClientException", 403), INVALID_TOKEN);
      case REST_XML_S3 ->
          new AwsServiceException(
              ErrorCode.of("InvalidAccessKeyId", 403),
              "The AWS Access Key Id you provided does not exist in our records.",
              Map.of("AWSAccessKeyId", accessKeyId));
    };
  }

  /** A session token that is missing, wrong, or presented with a long-term key. */
  static AwsServiceException invalidToken(AwsProtocol protocol) {
    return switch (family(protocol)) {
      case QUERY -> new AwsServiceException(ErrorCode.of("InvalidClientTokenId", 403), INVALID_TOKEN);
      case JSON -> new AwsServiceException(ErrorCode.of("UnrecognizedClientException", 400), INVALID_TOKEN);
      case REST_JSON -> new AwsServiceException(ErrorCode.of("UnrecognizedClientException", 403), INVALID_TOKEN);
      case REST_XML_S3 ->
          new AwsServiceException(
              ErrorCode.of("InvalidToken", 400), "The provided token is malformed or otherwise invalid.");
    };
  }

  static AwsServiceException expiredToken(AwsProtocol protocol) {
    return switch (family(protocol)) {
      case QUERY -> new AwsServiceException(ErrorCode.of("ExpiredToken", 403), EXPIRED_TOKEN);
      case JSON -> new AwsServiceException(ErrorCode.of("ExpiredTokenException", 400), EXPIRED_TOKEN);
      case REST_JSON -> new AwsServiceException(ErrorCode.of("ExpiredTokenException", 403), EXPIRED_TOKEN);
      case REST_XML_S3 ->
          new AwsServiceException(ErrorCode.of("ExpiredToken", 400), "The provided token has expired.");
    };
  }
}
