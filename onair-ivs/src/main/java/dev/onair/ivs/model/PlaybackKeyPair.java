package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An imported public key that verifies playback tokens of private channels. Only the public half exists here, so
 * nothing in it is secret; the PEM is kept for the playback path's JWT verification.
 */
public record PlaybackKeyPair(String arn, String name, String fingerprint, String publicKeyPem, Instant createdAt) {
  public PlaybackKeyPair {
    requireNonNull(arn, "arn is null");
    requireNonNull(name, "name is null");
    requireNonNull(fingerprint, "fingerprint is null");
    requireNonNull(publicKeyPem, "publicKeyPem is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
