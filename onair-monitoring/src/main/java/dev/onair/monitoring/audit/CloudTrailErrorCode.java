package dev.onair.monitoring.audit;

import dev.onair.protocol.error.ErrorCode;

/** CloudTrail's exception shapes used by LookupEvents. */
public enum CloudTrailErrorCode implements ErrorCode {
  ACCESS_DENIED("AccessDeniedException", 400),
  INVALID_LOOKUP_ATTRIBUTES("InvalidLookupAttributesException", 400),
  INVALID_TIME_RANGE("InvalidTimeRangeException", 400),
  INVALID_MAX_RESULTS("InvalidMaxResultsException", 400),
  INVALID_NEXT_TOKEN("InvalidNextTokenException", 400),
  INVALID_EVENT_CATEGORY("InvalidEventCategoryException", 400),
  INVALID_PARAMETER("InvalidParameterException", 400),
  UNSUPPORTED_OPERATION("UnsupportedOperationException", 400),
  UNKNOWN_OPERATION("UnknownOperationException", 400);

  private final String code;
  private final int httpStatus;

  CloudTrailErrorCode(String code, int httpStatus) {
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
