package dev.onair.iam;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The operator's first-start choices; each may be null to have Onair pick. Used on the first start only: later
 * starts reuse what was stored and ignore them.
 *
 * @param accountId ONAIR_ACCOUNT_ID, 12 digits
 * @param rootPassword ONAIR_ROOT_PASSWORD
 * @param adminAccessKeyId ONAIR_ADMIN_ACCESS_KEY_ID (given together with the secret)
 * @param adminSecretAccessKey ONAIR_ADMIN_SECRET_ACCESS_KEY
 */
public record BootstrapSettings(
    Path dataDir, String accountId, String rootPassword, String adminAccessKeyId, String adminSecretAccessKey) {
  public BootstrapSettings {
    requireNonNull(dataDir, "dataDir is null");
    accountId = blankToNull(accountId);
    rootPassword = blankToNull(rootPassword);
    adminAccessKeyId = blankToNull(adminAccessKeyId);
    adminSecretAccessKey = blankToNull(adminSecretAccessKey);
    if ((adminAccessKeyId == null) != (adminSecretAccessKey == null)) {
      throw new IllegalArgumentException(
          "ONAIR_ADMIN_ACCESS_KEY_ID and ONAIR_ADMIN_SECRET_ACCESS_KEY must be given together");
    }
    if (accountId != null && !accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("ONAIR_ACCOUNT_ID must be 12 digits");
    }
    if (adminAccessKeyId != null && !adminAccessKeyId.matches("[A-Z0-9]{16,128}")) {
      throw new IllegalArgumentException("ONAIR_ADMIN_ACCESS_KEY_ID must be 16-128 upper-case letters or digits");
    }
    if (adminSecretAccessKey != null && adminSecretAccessKey.length() < 16) {
      throw new IllegalArgumentException("ONAIR_ADMIN_SECRET_ACCESS_KEY must be at least 16 characters");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Secrets stay out of logs. */
  @Override
  public String toString() {
    return "BootstrapSettings[dataDir=" + dataDir + ", accountId=" + accountId
        + ", rootPassword=" + (rootPassword == null ? "generate" : "****")
        + ", adminAccessKeyId=" + (adminAccessKeyId == null ? "generate" : adminAccessKeyId) + "]";
  }
}
