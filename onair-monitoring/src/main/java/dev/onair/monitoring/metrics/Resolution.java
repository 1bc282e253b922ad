package dev.onair.monitoring.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * The storage tiers, as CloudWatch keeps high-resolution data: 1-second points for 3 hours, 1-minute points for
 * 15 days, 5-minute points for 63 days. Every datum is written to all three tiers at once, so a tier never
 * depends on a roll-up job having run; expiry alone bounds the size of each tier.
 */
public enum Resolution {
  SECOND(1, Duration.ofHours(3)),
  MINUTE(60, Duration.ofDays(15)),
  FIVE_MINUTES(300, Duration.ofDays(63));

  private final int seconds;
  private final Duration retention;

  Resolution(int seconds, Duration retention) {
    this.seconds = seconds;
    this.retention = retention;
  }

  public int seconds() {
    return seconds;
  }

  public Duration retention() {
    return retention;
  }

  /** The start of the bucket that holds {@code time}. */
  public long bucketStart(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), seconds) * seconds;
  }

  /** The oldest bucket start this tier still keeps at {@code now}. */
  public long oldestKept(Instant now) {
    return now.minus(retention).getEpochSecond();
  }

  /**
   * The finest tier that still holds data from {@code start} and whose buckets fit evenly into {@code period}.
   * When none does (a 1-second period reaching back more than 3 hours), the finest tier that still holds data is
   * used and the points come out at its granularity, as CloudWatch does.
   */
  public static Resolution forQuery(int periodSeconds, Instant start, Instant now) {
    Resolution fallback = FIVE_MINUTES;
    for (Resolution resolution : values()) {
      if (start.getEpochSecond() >= resolution.oldestKept(now)) {
        if (periodSeconds % resolution.seconds == 0) {
          return resolution;
        }
        if (fallback == FIVE_MINUTES) {
          fallback = resolution;
        }
      }
    }
    return fallback;
  }
}
