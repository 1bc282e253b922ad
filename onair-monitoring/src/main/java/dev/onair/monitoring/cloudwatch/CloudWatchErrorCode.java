package dev.onair.monitoring.cloudwatch;

import dev.onair.protocol.error.ErrorCode;

/**
 * CloudWatch's error codes from its model. {@link #code()} is the awsQuery code: Query clients read it from
 * {@code <Code>}, and JSON/CBOR clients of this query-compatible service take it from {@code x-amzn-query-error}.
 * {@link #shapeName()} is the model's exception shape, which a JSON/CBOR {@code __type} may carry instead.
 */
public enum CloudWatchErrorCode implements ErrorCode {
  INVALID_PARAMETER_VALUE("InvalidParameterValue", "InvalidParameterValueException", 400),
  INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", "InvalidParameterCombinationException", 400),
  MISSING_PARAMETER("MissingParameter", "MissingRequiredParameterException", 400),
  INVALID_NEXT_TOKEN("InvalidNextToken", "InvalidNextToken", 400),
  INVALID_FORMAT("InvalidFormat", "InvalidFormatFault", 400),
  RESOURCE_NOT_FOUND("ResourceNotFound", "ResourceNotFound", 404),
  RESOURCE_NOT_FOUND_EXCEPTION("ResourceNotFoundException", "ResourceNotFoundException", 404),
  LIMIT_EXCEEDED("LimitExceeded", "LimitExceededFault", 400),
  INTERNAL_SERVICE_ERROR("InternalServiceError", "InternalServiceFault", 500),
  ACCESS_DENIED("AccessDenied", "AccessDenied", 403),
  INVALID_ACTION("InvalidAction", "InvalidAction", 400),
  VALIDATION_ERROR("ValidationError", "ValidationError", 400);

  private final String code;
  private final String shapeName;
  private final int httpStatus;

  CloudWatchErrorCode(String code, String shapeName, int httpStatus) {
    this.code = code;
    this.shapeName = shapeName;
    this.httpStatus = httpStatus;
  }

  @Override
  public String code() {
    return code;
  }

  public String shapeName() {
    return shapeName;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }
}
