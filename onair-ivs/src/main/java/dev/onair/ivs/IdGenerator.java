package dev.onair.ivs;

import java.security.SecureRandom;

/**
 * Random identifiers in IVS's formats. SecureRandom because stream key values are bearer secrets, and resource
 * ids should not be guessable either.
 */
public final class IdGenerator {
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private final SecureRandom random;

  public IdGenerator() {
    this(new SecureRandom());
  }

  public IdGenerator(SecureRandom random) {
    this.random = random;
  }

  /** 12 alphanumerics, the current resource id form (e.g. {@code abcdABCDefgh}). */
  public String resourceId() {
    return alphanumeric(12);
  }

  /** {@code sk_<region>_<12 alnum>_<30 alnum>}, like the values real IVS hands out. */
  public String streamKeyValue(String region) {
    return "sk_" + region + "_" + alphanumeric(12) + "_" + alphanumeric(30);
  }

  /** {@code st-} plus 23 alphanumerics: 26 characters, as the model's StreamId requires. */
  public String streamId() {
    return "st-" + alphanumeric(23);
  }

  public String alphanumeric(int length) {
    StringBuilder builder = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      builder.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return builder.toString();
  }
}
