package dev.onair.iam.model;

/** IAM's ARN formats (iam.md §2.2). Paths include their leading and trailing '/'. */
public final class Arns {
  public static final String AWS_MANAGED_PREFIX = "arn:aws:iam::aws:policy/";

  private Arns() {}

  public static String user(String accountId, String path, String name) {
    return "arn:aws:iam::" + accountId + ":user" + path + name;
  }

  public static String group(String accountId, String path, String name) {
    return "arn:aws:iam::" + accountId + ":group" + path + name;
  }

  public static String role(String accountId, String path, String name) {
    return "arn:aws:iam::" + accountId + ":role" + path + name;
  }

  public static String policy(String accountId, String path, String name) {
    return "arn:aws:iam::" + accountId + ":policy" + path + name;
  }

  public static String root(String accountId) {
    return "arn:aws:iam::" + accountId + ":root";
  }

  /** The session ARN carries the role's name but never its path. */
  public static String assumedRole(String accountId, String roleName, String sessionName) {
    return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
  }

  public static boolean isAwsManaged(String policyArn) {
    return policyArn.startsWith(AWS_MANAGED_PREFIX);
  }
}
