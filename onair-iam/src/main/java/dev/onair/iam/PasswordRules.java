package dev.onair.iam;

import dev.onair.iam.model.PasswordPolicy;

/** Checks a password against an account password policy (or IAM's default policy when none is set). */
final class PasswordRules {
  static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

  private PasswordRules() {}

  /** The violation message, or null when the password complies. */
  static String violation(PasswordPolicy policy, String password) {
    boolean upper = password.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
    boolean lower = password.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    boolean digit = password.chars().anyMatch(c -> c >= '0' && c <= '9');
    boolean symbol = password.chars().anyMatch(c -> SYMBOLS.indexOf(c) >= 0);
    if (policy == null) {
      int classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
      if (password.length() < 8 || classes < 3) {
        return "Password does not conform to the account password policy.";
      }
      return null;
    }
    if (password.length() < policy.minimumPasswordLength()) {
      return "Password should have a minimum length of " + policy.minimumPasswordLength();
    }
    if (policy.requireUppercaseCharacters() && !upper) {
      return "Password should have at least one uppercase letter";
    }
    if (policy.requireLowercaseCharacters() && !lower) {
      return "Password should have at least one lowercase letter";
    }
    if (policy.requireNumbers() && !digit) {
      return "Password should have at least one number";
    }
    if (policy.requireSymbols() && !symbol) {
      return "Password should have at least one symbol";
    }
    return null;
  }
}
