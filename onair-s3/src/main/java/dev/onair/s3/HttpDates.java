package dev.onair.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates as S3 writes them ({@code Wed, 01 Mar 2006 12:00:00 GMT}, two-digit day) and reads them. */
public final class HttpDates {
  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private HttpDates() {}

  public static String format(Instant instant) {
    return WRITE.format(instant);
  }

  /** A malformed date is treated as absent, as HTTP caches and S3 do for conditional headers. */
  public static Optional<Instant> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
