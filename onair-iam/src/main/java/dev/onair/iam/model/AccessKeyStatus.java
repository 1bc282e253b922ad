package dev.onair.iam.model;

public enum AccessKeyStatus {
  Active,
  Inactive;

  public static AccessKeyStatus parse(String value) {
    for (AccessKeyStatus status : values()) {
      if (status.name().equals(value)) {
        return status;
      }
    }
    return null;
  }
}
