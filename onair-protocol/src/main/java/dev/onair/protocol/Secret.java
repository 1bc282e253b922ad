package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (secret access key, stream key, password) that never prints itself. Comparison is constant-time
 * so that a timing side channel cannot reveal how much of a guess matched.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = requireNonNull(value, "value is null");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The clear value; callers must not log or persist it. */
  public String reveal() {
    return value;
  }

  public byte[] revealBytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(revealBytes(), candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that && matches(that.value);
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
