package dev.onair.server.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The HTTP {@code Date} format (IMF-fixdate). SDKs read it to correct clock skew, so it must be exact. */
public final class HttpDates {
  // RFC_1123_DATE_TIME prints one-digit days ("1 Jan"), which IMF-fixdate forbids
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  /** The last second formatted: every response carries a Date, and a busy server sends thousands per second. */
  private record Formatted(long epochSecond, String text) {}

  private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

  private HttpDates() {}

  public static String format(Instant instant) {
    long second = instant.getEpochSecond();
    Formatted cached = last;
    if (cached.epochSecond() == second) {
      return cached.text();
    }
    String text = IMF_FIXDATE.format(instant);
    last = new Formatted(second, text);
    return text;
  }
}
