package dev.onair.ivs.port;

/**
 * Creates AWSServiceRoleForIVSRecordToS3 (path /aws-service-role/ivs.amazonaws.com/, trusted by
 * ivs.amazonaws.com, policy IVSRecordToS3) the way IAM's CreateServiceLinkedRole would. Implemented by the IAM
 * service. The IVS side has already checked the caller may call iam:CreateServiceLinkedRole.
 */
public interface ServiceLinkedRoleCreator {
  String ROLE_NAME = "AWSServiceRoleForIVSRecordToS3";
  String SERVICE_NAME = "ivs.amazonaws.com";

  boolean exists(String accountId);

  void create(String accountId);

  static String roleArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":role/aws-service-role/" + SERVICE_NAME + "/" + ROLE_NAME;
  }
}
