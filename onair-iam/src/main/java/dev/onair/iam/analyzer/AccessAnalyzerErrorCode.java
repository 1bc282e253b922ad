package dev.onair.iam.analyzer;

import dev.onair.protocol.error.ErrorCode;

/** The error shapes ValidatePolicy declares in the Access Analyzer model, with their HTTP status. */
public enum AccessAnalyzerErrorCode implements ErrorCode {
  VALIDATION("ValidationException", 400),
  ACCESS_DENIED("AccessDeniedException", 403),
  THROTTLING("ThrottlingException", 429),
  INTERNAL_SERVER("InternalServerException", 500);

  private final String code;
  private final int httpStatus;

  AccessAnalyzerErrorCode(String code, int httpStatus) {
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
