package dev.onair.iam.sts;

import dev.onair.protocol.error.ErrorCode;

/** STS error codes with their HTTP status (botocore sts/2011-06-15). */
public enum StsErrorCode implements ErrorCode {
  ValidationError("ValidationError", 400),
  MalformedPolicyDocument("MalformedPolicyDocument", 400),
  PackedPolicyTooLarge("PackedPolicyTooLarge", 400),
  AccessDenied("AccessDenied", 403),
  ExpiredToken("ExpiredTokenException", 400),
  RegionDisabled("RegionDisabledException", 403),
  InvalidAction("InvalidAction", 400),
  InvalidParameterValue("InvalidParameterValue", 400);

  private final String code;
  private final int httpStatus;

  StsErrorCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }
}
