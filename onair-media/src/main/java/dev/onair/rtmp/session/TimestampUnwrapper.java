package dev.onair.rtmp.session;

/**
 * Extends RTMP's 32-bit millisecond timestamps to 64 bits. A step backwards of more than half
 * the range is a wrap; smaller steps back (audio/video interleaving jitter) are kept as they are.
 */
final class TimestampUnwrapper {
  private static final long RANGE = 1L << 32;
  private long epochOffset;
  private long lastRaw = -1;

  long unwrap(long raw) {
    raw &= 0xFFFFFFFFL;
    if (lastRaw >= 0) {
      if (lastRaw - raw > RANGE / 2) {
        epochOffset += RANGE;
      } else if (raw - lastRaw > RANGE / 2 && epochOffset > 0) {
        // A late packet from before the wrap.
        return raw + epochOffset - RANGE;
      }
    }
    lastRaw = raw;
    return raw + epochOffset;
  }
}
