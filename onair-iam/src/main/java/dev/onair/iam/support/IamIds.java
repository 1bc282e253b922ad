package dev.onair.iam.support;

import java.security.SecureRandom;

/**
 * Identifiers in IAM's formats (iam.md §2.1): 21-character unique ids (4-letter prefix + 17 of [A-Z0-9]), 20-character
 * access key ids (AKIA/ASIA + 16 of base32 [A-Z2-7]) and 40-character secrets from the base64 alphabet.
 */
public final class IamIds {
  public static final String USER = "AIDA";
  public static final String GROUP = "AGPA";
  public static final String ROLE = "AROA";
  public static final String POLICY = "ANPA";
  public static final String LONG_TERM_KEY = "AKIA";
  public static final String TEMPORARY_KEY = "ASIA";

  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private IamIds() {}

  public static String uniqueId(String prefix) {
    return prefix + random(ALNUM, 17);
  }

  public static String accessKeyId(boolean temporary) {
    return (temporary ? TEMPORARY_KEY : LONG_TERM_KEY) + random(BASE32, 16);
  }

  public static String secretAccessKey() {
    return random(SECRET, 40);
  }

  /** An opaque session token; long and random, like AWS's, and only ever stored encrypted. */
  public static String sessionToken() {
    byte[] bytes = new byte[192];
    RANDOM.nextBytes(bytes);
    return "IQoJb25haXIQ" + java.util.Base64.getEncoder().encodeToString(bytes);
  }

  public static String accountId() {
    StringBuilder builder = new StringBuilder(12);
    builder.append((char) ('1' + RANDOM.nextInt(9)));
    for (int i = 1; i < 12; i++) {
      builder.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return builder.toString();
  }

  public static String random(String alphabet, int length) {
    StringBuilder builder = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      builder.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return builder.toString();
  }
}
