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
        // read by hand: every signed request has one, and DateTimeFormatter's parse allocates a dozen objects
        if (value == null || value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 4, 2);
        int day = digits(value, 6, 2);
        int hour = digits(value, 9, 2);
        int minute = digits(value, 11, 2);
        int second = digits(value, 13, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            // LocalDateTime.of rejects what the STRICT pattern rejected: month 13, 30 February, hour 24, second 60
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code length} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String value, int from, int length) {
        int result = 0;
        for (int i = from; i < from + length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
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
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return BASIC.format(time);
        }
        StringBuilder out = new StringBuilder(16);
        appendDate(out, time);
        out.append('T');
        pad(out, time.getHour(), 2);
        pad(out, time.getMinute(), 2);
        pad(out, time.getSecond(), 2);
        return out.append('Z').toString();
    }

    static String dateStamp(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return STAMP.format(time);
        }
        StringBuilder out = new StringBuilder(8);
        appendDate(out, time);
        return out.toString();
    }

    private static void appendDate(StringBuilder out, LocalDateTime time) {
        pad(out, time.getYear(), 4);
        pad(out, time.getMonthValue(), 2);
        pad(out, time.getDayOfMonth(), 2);
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
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
