package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

/** Multitrack (simulcast-style) ingest settings; AWS echoes the disabled default on every channel. */
public record MultitrackInputConfiguration(boolean enabled, String policy, String maximumResolution) {
  public static final MultitrackInputConfiguration DISABLED =
      new MultitrackInputConfiguration(false, "ALLOW", "FULL_HD");

  public MultitrackInputConfiguration {
    requireNonNull(policy, "policy is null");
    requireNonNull(maximumResolution, "maximumResolution is null");
  }
}
