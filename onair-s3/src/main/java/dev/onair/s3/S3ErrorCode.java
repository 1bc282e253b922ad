package dev.onair.s3;

import dev.onair.protocol.error.ErrorCode;

/**
 * The S3 error codes Onair returns, with AWS's HTTP status and default message. The wire code is the enum's AWS
 * spelling, kept in {@link #code()} because several codes are not valid Java identifiers in camel case.
 */
public enum S3ErrorCode implements ErrorCode {
  ACCESS_DENIED("AccessDenied", 403, "Access Denied"),
  BAD_DIGEST("BadDigest", 400, "The Content-MD5 you specified did not match what we received."),
  BUCKET_ALREADY_EXISTS(
      "BucketAlreadyExists",
      409,
      "The requested bucket name is not available. The bucket namespace is shared by all users of the system."
          + " Please select a different name and try again."),
  BUCKET_ALREADY_OWNED_BY_YOU(
      "BucketAlreadyOwnedByYou",
      409,
      "Your previous request to create the named bucket succeeded and you already own it."),
  BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
  ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."),
  ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size."),
  ILLEGAL_LOCATION_CONSTRAINT("IllegalLocationConstraintException", 400, "Illegal location constraint"),
  INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
  INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument"),
  INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
  INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified is not valid."),
  INVALID_LOCATION_CONSTRAINT("InvalidLocationConstraint", 400, "The specified location-constraint is not valid"),
  INVALID_PART(
      "InvalidPart",
      400,
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the"
          + " specified entity tag may not match the part's entity tag."),
  INVALID_PART_ORDER(
      "InvalidPartOrder",
      400,
      "The list of parts was not in ascending order. Parts must be ordered by part number."),
  INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable"),
  INVALID_REQUEST("InvalidRequest", 400, "Invalid Request"),
  INVALID_URI("InvalidURI", 400, "Couldn't parse the specified URI."),
  KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long"),
  MALFORMED_POLICY("MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'"),
  MALFORMED_XML(
      "MalformedXML",
      400,
      "The XML you provided was not well-formed or did not validate against our published schema"),
  METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
  NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist"),
  NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist"),
  NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
  NO_SUCH_UPLOAD(
      "NoSuchUpload",
      404,
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or"
          + " completed."),
  NOT_IMPLEMENTED("NotImplemented", 501, "A header you provided implies functionality that is not implemented"),
  PRECONDITION_FAILED("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold");

  private final String code;
  private final int httpStatus;
  private final String defaultMessage;

  S3ErrorCode(String code, int httpStatus, String defaultMessage) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.defaultMessage = defaultMessage;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  public String defaultMessage() {
    return defaultMessage;
  }
}
