package dev.onair.iam.model;

/**
 * The account password policy. {@code maxPasswordAge} and {@code passwordReusePrevention} are null when unset.
 */
public record PasswordPolicy(
    int minimumPasswordLength,
    boolean requireSymbols,
    boolean requireNumbers,
    boolean requireUppercaseCharacters,
    boolean requireLowercaseCharacters,
    boolean allowUsersToChangePassword,
    Integer maxPasswordAge,
    Integer passwordReusePrevention,
    boolean hardExpiry) {

  public boolean expirePasswords() {
    return maxPasswordAge != null && maxPasswordAge > 0;
  }
}
