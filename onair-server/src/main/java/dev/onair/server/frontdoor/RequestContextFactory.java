package dev.onair.server.frontdoor;

import dev.onair.policy.RequestContext;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The condition keys of one check: AWS's global keys, present exactly when AWS sets them (iam.md §4.5), then the
 * operation's own keys, which win on a clash because the operation knows its request best.
 */
final class RequestContextFactory {
  private RequestContextFactory() {}

  static RequestContext create(CallContext context, AuthorizationCheck check) {
    Caller caller = context.caller();
    RequestContext.Builder keys = RequestContext.builder();
    Second now = second(context.requestTime());
    keys.put("aws:CurrentTime", now.iso());
    keys.put("aws:EpochTime", now.epoch());
    keys.put("aws:SecureTransport", Boolean.toString(context.httpRequest().secure()));
    keys.put("aws:SourceIp", context.httpRequest().remoteAddress());
    String userAgent = context.httpRequest().header("User-Agent");
    if (userAgent != null) {
      keys.put("aws:UserAgent", userAgent);
    }
    String referer = context.httpRequest().header("Referer");
    if (referer != null) {
      keys.put("aws:referer", referer);
    }
    keys.put("aws:RequestedRegion", context.region());
    keys.put("aws:userid", caller.userId());
    keys.put("aws:PrincipalType", principalType(caller.type()));
    if (caller.type() != Caller.CallerType.ANONYMOUS) {
      keys.put("aws:PrincipalArn", caller.principalArn());
      keys.put("aws:PrincipalAccount", caller.accountId());
    }
    if (caller.type() == Caller.CallerType.USER && caller.name() != null) {
      keys.put("aws:username", caller.name());
    }
    for (Map.Entry<String, String> tag : caller.principalTags().entrySet()) {
      keys.put("aws:PrincipalTag/" + tag.getKey(), tag.getValue());
    }
    if (caller.temporaryCredentials()) {
      // AWS sets the MFA key only for temporary credentials; long-term keys leave it absent (BoolIfExists)
      keys.put("aws:MultiFactorAuthPresent", "false");
      keys.put("aws:TokenIssueTime", iso(caller.tokenIssueTime()));
    }
    for (Map.Entry<String, List<String>> key : check.conditionKeys().entrySet()) {
      keys.put(key.getKey(), key.getValue());
    }
    return keys.build();
  }

  private static String principalType(Caller.CallerType type) {
    return switch (type) {
      case ROOT -> "Account";
      case USER -> "User";
      case ASSUMED_ROLE -> "AssumedRole";
      case ANONYMOUS -> "Anonymous";
    };
  }

  /** The last second formatted: each authorized check needs aws:CurrentTime, and most share their second. */
  private record Second(long epochSecond, String iso, String epoch) {}

  private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "", "");

  private static Second second(java.time.Instant instant) {
    Second cached = lastSecond;
    if (cached.epochSecond() != instant.getEpochSecond()) {
      cached = new Second(instant.getEpochSecond(), iso(instant), Long.toString(instant.getEpochSecond()));
      lastSecond = cached;
    }
    return cached;
  }

  private static String iso(java.time.Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
