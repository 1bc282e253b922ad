package dev.onair.ivs;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.IntPredicate;

/** {@code arn:aws:ivs:<region>:<account>:<type>/<id>}; the partition is always "aws", as the model's patterns fix. */
public record IvsArn(String region, String accountId, ResourceType type, String resourceId) {
  private static final String PREFIX = "arn:aws:ivs:";

  public IvsArn {
    requireNonNull(region, "region is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(type, "type is null");
    requireNonNull(resourceId, "resourceId is null");
  }

  /**
   * The ARN's parts when it has the shape {@code arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+} with a known
   * type. Read by hand rather than with a pattern: a GetChannel parses its channel's ARN twice (the existence check
   * and the answer), and matching was a few per cent of the call. No part may hold the separator that ends it, so
   * the first separator found ends the part.
   */
  public static Optional<IvsArn> parse(String arn) {
    if (arn == null || !arn.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int regionEnd = part(arn, PREFIX.length(), ':', IvsArn::regionChar);
    int accountEnd = regionEnd < 0 ? -1 : part(arn, regionEnd + 1, ':', IvsArn::digit);
    int typeEnd = accountEnd < 0 ? -1 : part(arn, accountEnd + 1, '/', IvsArn::typeChar);
    if (typeEnd < 0 || typeEnd + 1 == arn.length() || run(arn, typeEnd + 1, IvsArn::idChar) != arn.length()) {
      return Optional.empty();
    }
    ResourceType type = ResourceType.fromArnSegment(arn.substring(accountEnd + 1, typeEnd));
    if (type == null) {
      return Optional.empty();
    }
    return Optional.of(new IvsArn(
        arn.substring(PREFIX.length(), regionEnd), arn.substring(regionEnd + 1, accountEnd), type,
        arn.substring(typeEnd + 1)));
  }

  /** The index of {@code separator} after a non-empty run of {@code allowed} characters from {@code from}, or -1. */
  private static int part(String arn, int from, char separator, IntPredicate allowed) {
    int end = run(arn, from, allowed);
    return end > from && end < arn.length() && arn.charAt(end) == separator ? end : -1;
  }

  private static int run(String arn, int from, IntPredicate allowed) {
    int i = from;
    while (i < arn.length() && allowed.test(arn.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean lower(int c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean regionChar(int c) {
    return lower(c) || digit(c) || c == '-';
  }

  private static boolean typeChar(int c) {
    return lower(c) || c == '-';
  }

  private static boolean idChar(int c) {
    return regionChar(c) || (c >= 'A' && c <= 'Z');
  }

  public static String of(String region, String accountId, ResourceType type, String resourceId) {
    return new IvsArn(region, accountId, type, resourceId).toString();
  }

  /** The ARN that list operations authorize against: every resource of the type in the account and region. */
  public static String wildcard(String region, String accountId, ResourceType type) {
    return "arn:aws:ivs:" + region + ":" + accountId + ":" + type.arnSegment() + "/*";
  }

  /** Whether the ARN names a resource the caller's account and region can hold; others are simply not found. */
  public boolean belongsTo(String callerAccountId, String callerRegion) {
    return accountId.equals(callerAccountId) && region.equals(callerRegion);
  }

  @Override
  public String toString() {
    return "arn:aws:ivs:" + region + ":" + accountId + ":" + type.arnSegment() + "/" + resourceId;
  }
}
