package dev.onair.live.playback;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Enforces a channel's playback restriction policy (ivs.md §4) on every playback request.
 *
 * <ul>
 *   <li>{@code allowedOrigins} is a CORS restriction: a matching {@code Origin} gets itself back in {@code
 *       Access-Control-Allow-Origin}, any other origin gets no such header, so browsers refuse the response.
 *       Requests without an {@code Origin} (players outside a browser) are served.
 *   <li>{@code enableStrictOriginEnforcement} turns that into a server-side check: a request whose {@code
 *       Origin} is missing or not allowed is answered 403, without media, whatever the client.
 *   <li>{@code allowedCountries} needs the viewer's country, which a self-hosted server cannot know from an IP
 *       address without a geolocation database. It is checked only when the operator names a trusted header set
 *       by the CDN or proxy in front (e.g. CloudFront's {@code CloudFront-Viewer-Country}) and the request
 *       carries it; otherwise the country check is skipped. A header clients could set directly must not be
 *       configured, since they would simply claim an allowed country.
 * </ul>
 *
 * <p>Empty lists allow everything, as at AWS. Policies are read through a short cache: playback makes several
 * requests a second per viewer, and a policy change taking a few seconds to apply is acceptable.
 */
public final class PlaybackRestrictions {
  static final long CACHE_MILLIS = 5_000;
  static final long INLINE_MARGIN_MILLIS = 1_000;

  /** The decision for one request. */
  public sealed interface Verdict {}

  /**
   * @param allowOrigin the {@code Access-Control-Allow-Origin} the policy permits: "*" (no origin restriction),
   *     the request's origin, or null for "send none"
   */
  public record Allow(String allowOrigin) implements Verdict {}

  /** @param reason for the 403 body; names no secret */
  public record Deny(String reason) implements Verdict {}

  private static final Allow ANY = new Allow("*");

  private record Cached(Optional<PlaybackRestrictionPolicy> policy, long expiresAt) {}

  private final Function<String, Optional<PlaybackRestrictionPolicy>> policies;
  private final String countryHeader;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * @param policies looks a policy up by ARN
   * @param countryHeader the trusted request header carrying the viewer's ISO 3166-1 alpha-2 country, or null to
   *     skip country checks
   */
  public PlaybackRestrictions(
      Function<String, Optional<PlaybackRestrictionPolicy>> policies, String countryHeader, Clock clock) {
    this.policies = requireNonNull(policies, "policies is null");
    this.countryHeader = countryHeader == null || countryHeader.isBlank() ? null : countryHeader.trim();
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** No policies at all: everything is allowed with {@code Access-Control-Allow-Origin: *}. */
  public static PlaybackRestrictions none() {
    return new PlaybackRestrictions(arn -> Optional.empty(), null, Clock.systemUTC());
  }

  /** The header the country is read from, or null. */
  public String countryHeader() {
    return countryHeader;
  }

  /**
   * @param policyArn the channel's {@code playbackRestrictionPolicyArn}; empty or null when none
   * @param origin the request's {@code Origin} header, or null
   * @param country the value of the configured country header, or null
   */
  public Verdict check(String policyArn, String origin, String country) {
    if (policyArn == null || policyArn.isEmpty()) {
      return ANY;
    }
    Optional<PlaybackRestrictionPolicy> found = policy(policyArn);
    if (found.isEmpty()) {
      // A deleted policy restricts nothing; IVS refuses to delete one a channel still uses.
      return ANY;
    }
    PlaybackRestrictionPolicy policy = found.get();
    if (countryHeader != null && country != null && !country.isBlank() && !policy.allowedCountries().isEmpty()
        && !containsIgnoreCase(policy.allowedCountries(), country.trim())) {
      return new Deny("playback is not allowed from this country");
    }
    List<String> allowed = policy.allowedOrigins();
    if (allowed.isEmpty() || allowed.contains("*")) {
      return ANY;
    }
    boolean matches = origin != null && originMatches(allowed, origin);
    if (policy.enableStrictOriginEnforcement() && !matches) {
      return new Deny(origin == null ? "an Origin header is required" : "origin not allowed");
    }
    return new Allow(matches ? origin : null);
  }

  /**
   * Whether {@code origin} is one of {@code allowed}: exact (scheme and host case-insensitive), or a
   * {@code scheme://*.domain} entry matching any subdomain (but not the bare domain, nor look-alikes).
   */
  static boolean originMatches(List<String> allowed, String origin) {
    String candidate = origin.trim().toLowerCase(Locale.ROOT);
    for (String entry : allowed) {
      String pattern = entry.trim().toLowerCase(Locale.ROOT);
      if (pattern.endsWith("/")) {
        pattern = pattern.substring(0, pattern.length() - 1);
      }
      if (pattern.equals(candidate)) {
        return true;
      }
      int star = pattern.indexOf("://*.");
      if (star > 0) {
        String scheme = pattern.substring(0, star + 3);
        String suffix = pattern.substring(star + 4); // ".domain[:port]"
        if (candidate.startsWith(scheme) && candidate.endsWith(suffix)
            && candidate.length() > scheme.length() + suffix.length()
            && candidate.indexOf('/', scheme.length()) < 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@link #check} for this policy will be answered from the cache (no policy, or one cached for at least
   * another second, so a request classified now is still a hit when it runs).
   */
  public boolean answersWithoutBlocking(String policyArn) {
    if (policyArn == null || policyArn.isEmpty()) {
      return true;
    }
    Cached cached = cache.get(policyArn);
    return cached != null && cached.expiresAt() - clock.millis() > INLINE_MARGIN_MILLIS;
  }

  private Optional<PlaybackRestrictionPolicy> policy(String arn) {
    long now = clock.millis();
    Cached cached = cache.get(arn);
    if (cached == null || cached.expiresAt() <= now) {
      cached = new Cached(policies.apply(arn), now + CACHE_MILLIS);
      cache.put(arn, cached);
    }
    return cached.policy();
  }

  private static boolean containsIgnoreCase(List<String> values, String value) {
    return values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
  }
}
