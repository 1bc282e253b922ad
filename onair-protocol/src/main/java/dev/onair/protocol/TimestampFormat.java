package dev.onair.protocol;

/** How a serialiser writes timestamps; AWS models choose per protocol and sometimes per member. */
public enum TimestampFormat {
  /** Seconds since the epoch as a JSON number, fractional when there are sub-second parts. */
  EPOCH_SECONDS,
  /** ISO-8601 in UTC, e.g. {@code 2024-01-01T00:00:00Z} (IVS's restJson1 model marks its members so). */
  ISO_8601
}
