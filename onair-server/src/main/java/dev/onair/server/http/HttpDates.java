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

  private HttpDates() {}

  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }
}
