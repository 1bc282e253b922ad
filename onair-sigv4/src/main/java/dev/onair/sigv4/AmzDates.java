package dev.onair.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/** The three time formats SigV4 meets: ISO-8601 basic (X-Amz-Date), its date stamp, and RFC 1123 (Date header). */
final class AmzDates {
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private AmzDates() {
    }

    /** Returns {@code null} for anything but exactly {@code yyyyMMdd'T'HHmmss'Z'}. */
    static Instant parseBasic(String value) {
        if (value == null || value.length() != 16) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Returns {@code null} unless RFC 1123 ({@code Tue, 27 Jan 2022 00:14:27 GMT}). */
    static Instant parseHttpDate(String value) {
        if (value == null || value.length() > 64) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String formatBasic(Instant instant) {
        return BASIC.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String dateStamp(Instant instant) {
        return STAMP.format(instant.atOffset(ZoneOffset.UTC));
    }

    static boolean isDateStamp(String value) {
        if (value == null || value.length() != 8) {
            return false;
        }
        try {
            LocalDate.parse(value, STAMP);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** S3 error bodies show ServerTime/Expires as {@code 2022-01-27T00:14:27Z}. */
    static String formatIso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
