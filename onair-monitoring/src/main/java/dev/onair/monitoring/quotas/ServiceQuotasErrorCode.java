package dev.onair.monitoring.quotas;

import dev.onair.protocol.error.ErrorCode;

/** Service Quotas' exception shapes; awsJson1_1 writes the shape name as {@code __type}. */
public enum ServiceQuotasErrorCode implements ErrorCode {
  ACCESS_DENIED("AccessDeniedException", 400),
  ILLEGAL_ARGUMENT("IllegalArgumentException", 400),
  INVALID_PAGINATION_TOKEN("InvalidPaginationTokenException", 400),
  INVALID_RESOURCE_STATE("InvalidResourceStateException", 400),
  NO_SUCH_RESOURCE("NoSuchResourceException", 400),
  QUOTA_EXCEEDED("QuotaExceededException", 400),
  RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 400),
  SERVICE("ServiceException", 500),
  TOO_MANY_TAGS("TooManyTagsException", 400),
  UNKNOWN_OPERATION("UnknownOperationException", 400),
  VALIDATION("ValidationException", 400);

  private final String code;
  private final int httpStatus;

  ServiceQuotasErrorCode(String code, int httpStatus) {
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
