package dev.onair.iam.support;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Console passwords, hashed with Argon2id (OWASP's minimum: 19 MiB, 2 iterations, 1 lane) and a random 16-byte
 * salt. The encoded hash carries its parameters, so stronger settings later still verify old hashes.
 */
public final class Passwords {
  private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);

  private Passwords() {}

  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  /** Constant-time in the hash comparison; false for any malformed stored hash. */
  public static boolean verify(String password, String encodedHash) {
    if (password == null || encodedHash == null) {
      return false;
    }
    try {
      return Password.check(password, encodedHash).with(Argon2Function.getInstanceFromHash(encodedHash));
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /** A random password that satisfies IAM's default rules (all four character classes). */
  public static String generate() {
    String lower = "abcdefghijkmnopqrstuvwxyz";
    String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    String digits = "23456789";
    String symbols = "!@#$%^&*()_+-=[]{}|'";
    return IamIds.random(upper, 4)
        + IamIds.random(lower, 10)
        + IamIds.random(digits, 4)
        + IamIds.random(symbols, 2)
        + IamIds.random(lower + upper + digits, 4);
  }
}
