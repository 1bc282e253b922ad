package dev.onair.iam;

import java.util.Map;
import java.util.Optional;

/** The service-linked roles Onair's services use, with the role name and policy AWS defines for each. */
final class ServiceLinkedRoles {
  record Definition(String roleName, String policyArn, boolean customSuffixAllowed) {}

  private static final Map<String, Definition> BY_SERVICE = Map.of(
      "ivs.amazonaws.com", new Definition("AWSServiceRoleForIVSRecordToS3",
          "arn:aws:iam::aws:policy/aws-service-role/IVSRecordToS3", false),
      "access-analyzer.amazonaws.com", new Definition("AWSServiceRoleForAccessAnalyzer",
          "arn:aws:iam::aws:policy/aws-service-role/AccessAnalyzerServiceRolePolicy", false),
      "elasticbeanstalk.amazonaws.com", new Definition("AWSServiceRoleForElasticBeanstalk",
          "arn:aws:iam::aws:policy/aws-service-role/AWSElasticBeanstalkServiceRolePolicy", true),
      "autoscaling.amazonaws.com", new Definition("AWSServiceRoleForAutoScaling",
          "arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy", true));

  private ServiceLinkedRoles() {}

  static Optional<Definition> find(String service) {
    return Optional.ofNullable(BY_SERVICE.get(service));
  }
}
