package dev.onair.iam;

import dev.onair.protocol.error.ErrorCode;

/** IAM's error codes with the HTTP status the AWS model gives each (botocore iam/2010-05-08). */
public enum IamErrorCode implements ErrorCode {
  NoSuchEntity(404),
  EntityAlreadyExists(409),
  LimitExceeded(409),
  DeleteConflict(409),
  MalformedPolicyDocument(400),
  InvalidInput(400),
  ValidationError(400),
  PasswordPolicyViolation(400),
  InvalidUserType(400),
  UnmodifiableEntity(400),
  PolicyNotAttachable(400),
  EntityTemporarilyUnmodifiable(409),
  ConcurrentModification(409),
  PolicyEvaluation(500),
  AccessDenied(403),
  InvalidAction(400),
  MissingParameter(400),
  ServiceFailure(500);

  private final int httpStatus;

  IamErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }
}
