package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** Which countries and origins may play a channel; empty lists allow everyone, as at AWS. */
public record PlaybackRestrictionPolicy(
    String arn,
    String name,
    List<String> allowedCountries,
    List<String> allowedOrigins,
    boolean enableStrictOriginEnforcement,
    Instant createdAt) {
  public PlaybackRestrictionPolicy {
    requireNonNull(arn, "arn is null");
    requireNonNull(name, "name is null");
    allowedCountries = List.copyOf(allowedCountries);
    allowedOrigins = List.copyOf(allowedOrigins);
    requireNonNull(createdAt, "createdAt is null");
  }
}
