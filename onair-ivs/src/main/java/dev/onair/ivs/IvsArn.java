package dev.onair.ivs;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code arn:aws:ivs:<region>:<account>:<type>/<id>}; the partition is always "aws", as the model's patterns fix. */
public record IvsArn(String region, String accountId, ResourceType type, String resourceId) {
  private static final Pattern FORMAT =
      Pattern.compile("arn:aws:ivs:([a-z0-9-]+):([0-9]+):([a-z-]+)/([a-zA-Z0-9-]+)");

  public IvsArn {
    requireNonNull(region, "region is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(type, "type is null");
    requireNonNull(resourceId, "resourceId is null");
  }

  public static Optional<IvsArn> parse(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    Matcher matcher = FORMAT.matcher(arn);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    ResourceType type = ResourceType.fromArnSegment(matcher.group(3));
    if (type == null) {
      return Optional.empty();
    }
    return Optional.of(new IvsArn(matcher.group(1), matcher.group(2), type, matcher.group(4)));
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
