package dev.onair.ivs;

import dev.onair.protocol.error.ErrorCode;

/**
 * The error shapes of the IVS model with their HTTP status. The wire code is the shape name, which for three of
 * them has no "Exception" suffix (the SDKs map them to PendingVerificationException etc. by that exact text).
 */
public enum IvsErrorCode implements ErrorCode {
  VALIDATION("ValidationException", 400),
  ACCESS_DENIED("AccessDeniedException", 403),
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
  CHANNEL_NOT_BROADCASTING("ChannelNotBroadcasting", 404),
  CONFLICT("ConflictException", 409),
  // 402 is what IVS really sends for quota errors; it is not a typo for 429.
  SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
  THROTTLING("ThrottlingException", 429),
  PENDING_VERIFICATION("PendingVerification", 403),
  STREAM_UNAVAILABLE("StreamUnavailable", 503),
  INTERNAL_SERVER("InternalServerException", 500);

  private final String code;
  private final int httpStatus;

  IvsErrorCode(String code, int httpStatus) {
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
