package dev.onair.s3;

import java.util.List;
import java.util.regex.Pattern;

/**
 * S3's general-purpose bucket naming rules (current rules, not the legacy us-east-1 ones that allowed upper case),
 * so every name Onair accepts also works virtual-host style and on AWS.
 */
public final class BucketNames {
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> RESERVED_SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  private BucketNames() {}

  public static boolean isValid(String name) {
    if (name == null || !ALLOWED.matcher(name).matches()) {
      return false;
    }
    if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
      return false;
    }
    if (IP_ADDRESS.matcher(name).matches()) {
      return false;
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return false;
      }
    }
    for (String suffix : RESERVED_SUFFIXES) {
      if (name.endsWith(suffix)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a name could address an existing bucket. Looser than {@link #isValid}: a request for a bucket that
   * cannot exist gets NoSuchBucket on AWS too, except for names no route could carry.
   */
  public static boolean isAddressable(String name) {
    return name != null && !name.isEmpty() && name.length() <= 255 && name.indexOf('/') < 0;
  }
}
