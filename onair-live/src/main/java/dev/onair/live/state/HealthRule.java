package dev.onair.live.state;

import dev.onair.ivs.model.StreamHealth;

/**
 * HEALTHY or STARVING from how fast media arrives against the wall clock. An encoder that cannot keep up (CPU,
 * uplink) delivers less than a second of media per second; IVS reports that as STARVING, so do we.
 */
public final class HealthRule {
  /** Below this ratio of media time to wall time over the window the stream is starving. */
  static final double MIN_REALTIME_RATIO = 0.8;
  /** A gap this long with no media at all is starvation whatever the average says. */
  static final long MAX_SILENCE_MILLIS = 2_000;
  /** Too little history to judge: say HEALTHY, as IVS does while a stream starts. */
  static final long MIN_WINDOW_MILLIS = 2_000;

  private HealthRule() {}

  /**
   * @param mediaAdvanceMillis how far the media timeline advanced during the window
   * @param wallAdvanceMillis how long the window was on the wall clock
   * @param silenceMillis time since the last media message
   */
  public static StreamHealth evaluate(long mediaAdvanceMillis, long wallAdvanceMillis, long silenceMillis) {
    if (silenceMillis > MAX_SILENCE_MILLIS) {
      return StreamHealth.STARVING;
    }
    if (wallAdvanceMillis < MIN_WINDOW_MILLIS) {
      return StreamHealth.HEALTHY;
    }
    double ratio = (double) mediaAdvanceMillis / wallAdvanceMillis;
    return ratio < MIN_REALTIME_RATIO ? StreamHealth.STARVING : StreamHealth.HEALTHY;
  }
}
