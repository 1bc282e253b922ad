package dev.onair.monitoring.audit;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Audit event ids as version-7 UUIDs (RFC 9562: 48-bit Unix milliseconds, then random bits). Still a UUID like
 * CloudTrail's, but ids made close in time sort together, so inserting them appends to the primary-key index
 * instead of dirtying a random page of it per event (with a random v4 id that page rewrite was most of the cost
 * of an audit insert). Event ids are identifiers, not secrets, so ThreadLocalRandom (no shared SecureRandom lock
 * on the request path) is enough for uniqueness.
 */
final class TimeOrderedIds {
  private TimeOrderedIds() {}

  static String next(Instant time) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = time.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
