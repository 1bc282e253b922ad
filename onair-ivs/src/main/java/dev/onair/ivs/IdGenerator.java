package dev.onair.ivs;

import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * Identifiers in IVS's formats. SecureRandom because stream key values are bearer secrets, and resource ids should
 * not be guessable either.
 *
 * <p>Resource ids start with their creation second: every IVS table is keyed and indexed by ARN, and a fully random
 * id put each create's row in a random leaf of each such B-tree, so every durable commit re-serialised a different
 * set of index pages per create. Ids of the same second share their prefix and land next to each other (the
 * right-hand edge of the index), so creates committed together touch the same few pages. Measured on the embedded
 * store (docs/BENCHMARKS.md, "CreateChannel (session 3)"). The id stays 12 alphanumerics, opaque to clients.
 */
public final class IdGenerator {
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  /** Base-62 digits in ASCII order, so a prefix sorts (byte-wise, as H2 and PostgreSQL's C collation do) by time. */
  private static final String ORDERED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int TIME_CHARS = 6; // 62^6 seconds: past the year 3700
  private static final int RESOURCE_ID_CHARS = 12;

  private final SecureRandom random;
  private final LongSupplier epochSecond;

  public IdGenerator() {
    this(new SecureRandom());
  }

  public IdGenerator(SecureRandom random) {
    this(random, () -> System.currentTimeMillis() / 1000);
  }

  public IdGenerator(SecureRandom random, LongSupplier epochSecond) {
    this.random = random;
    this.epochSecond = epochSecond;
  }

  /**
   * 12 alphanumerics, the current resource id form (e.g. {@code abcdABCDefgh}): the creation second in six
   * base-62 digits, then six random characters (35.7 bits; two ids of one second collide with probability
   * 1.8e-11, and the ARN's primary key refuses the second).
   */
  public String resourceId() {
    char[] id = new char[RESOURCE_ID_CHARS];
    long second = epochSecond.getAsLong();
    for (int i = TIME_CHARS - 1; i >= 0; i--) {
      id[i] = ORDERED.charAt((int) Math.floorMod(second, (long) ORDERED.length()));
      second = Math.floorDiv(second, (long) ORDERED.length());
    }
    for (int i = TIME_CHARS; i < RESOURCE_ID_CHARS; i++) {
      id[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
    }
    return new String(id);
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
