package dev.onair.iam;

import dev.onair.protocol.error.AwsServiceException;

/** IAM's error messages, worded as AWS words them (iam.md §1.3, §1.8). */
public final class IamErrors {
  private IamErrors() {}

  public static AwsServiceException of(IamErrorCode code, String message) {
    return new AwsServiceException(code, message);
  }

  public static AwsServiceException noSuchUser(String name) {
    return of(IamErrorCode.NoSuchEntity, "The user with name " + name + " cannot be found.");
  }

  public static AwsServiceException noSuchGroup(String name) {
    return of(IamErrorCode.NoSuchEntity, "The group with name " + name + " cannot be found.");
  }

  public static AwsServiceException noSuchRole(String name) {
    return of(IamErrorCode.NoSuchEntity, "The role with name " + name + " cannot be found.");
  }

  public static AwsServiceException noSuchPolicy(String arn) {
    return of(IamErrorCode.NoSuchEntity, "Policy " + arn + " was not found.");
  }

  public static AwsServiceException policyNotAttachable(String arn) {
    return of(IamErrorCode.NoSuchEntity, "Policy " + arn + " does not exist or is not attachable.");
  }

  public static AwsServiceException noSuchPolicyVersion(String arn, String versionId) {
    return of(
        IamErrorCode.NoSuchEntity, "Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
  }

  public static AwsServiceException noSuchInlinePolicy(String kind, String entityName, String policyName) {
    return of(
        IamErrorCode.NoSuchEntity,
        "The " + kind + " policy with name " + policyName + " cannot be found.");
  }

  public static AwsServiceException noSuchAccessKey(String accessKeyId) {
    return of(IamErrorCode.NoSuchEntity, "The Access Key with id " + accessKeyId + " cannot be found.");
  }

  public static AwsServiceException noSuchLoginProfile(String userName) {
    return of(IamErrorCode.NoSuchEntity, "Login Profile for User " + userName + " cannot be found.");
  }

  public static AwsServiceException userExists(String name) {
    return of(IamErrorCode.EntityAlreadyExists, "User with name " + name + " already exists.");
  }

  public static AwsServiceException groupExists(String name) {
    return of(IamErrorCode.EntityAlreadyExists, "Group with name " + name + " already exists.");
  }

  public static AwsServiceException roleExists(String name) {
    return of(IamErrorCode.EntityAlreadyExists, "Role with name " + name + " already exists.");
  }

  public static AwsServiceException policyExists(String name) {
    return of(
        IamErrorCode.EntityAlreadyExists,
        "A policy called " + name + " already exists. Duplicate names are not allowed.");
  }

  public static AwsServiceException quota(String quotaName, int value) {
    return of(IamErrorCode.LimitExceeded, "Cannot exceed quota for " + quotaName + ": " + value);
  }

  public static AwsServiceException deleteConflict(String message) {
    return of(IamErrorCode.DeleteConflict, message);
  }

  public static AwsServiceException invalidInput(String message) {
    return of(IamErrorCode.InvalidInput, message);
  }

  public static AwsServiceException validation(String message) {
    return of(IamErrorCode.ValidationError, message);
  }

  public static AwsServiceException malformed(String message) {
    return of(IamErrorCode.MalformedPolicyDocument, message);
  }

  public static AwsServiceException unmodifiableRole(String roleName) {
    return of(
        IamErrorCode.UnmodifiableEntity,
        "Cannot perform the operation on the protected role '" + roleName
            + "' - this role is only modifiable by AWS");
  }

  public static AwsServiceException awsManagedReadOnly(String arn) {
    return of(IamErrorCode.InvalidInput, "ARN " + arn + " is not valid: AWS managed policies cannot be changed.");
  }

  /** AWS's wording when temporary or role credentials call an operation that defaults to "the calling user". */
  public static AwsServiceException userNameRequired() {
    return validation("Must specify userName when calling with non-User credentials");
  }
}
