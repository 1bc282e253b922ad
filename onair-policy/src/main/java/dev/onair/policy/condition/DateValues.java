package dev.onair.policy.condition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Date values as IAM reads them: W3C ISO-8601 (date, date-time, with or without offset) or epoch seconds. */
public final class DateValues {
    private DateValues() {
    }

    /** Epoch milliseconds of a value written in a policy, or null if IAM's legacy parser would refuse it. */
    public static Long parsePolicyValue(String value) {
        return parse(value);
    }

    /** Epoch milliseconds of a request value, or null when it is not a date. */
    public static Long parse(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            return null;
        }
        boolean looksLikeIso = text.indexOf('-', 1) > 0 || text.indexOf('T') > 0 || text.indexOf('t') > 0;
        if (!looksLikeIso) {
            try {
                BigDecimal seconds = new BigDecimal(text);
                if (seconds.signum() < 0) {
                    return null;
                }
                return seconds.movePointRight(3).longValue();
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        try {
            return OffsetDateTime.parse(upper).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next accepted shape
        }
        try {
            return Instant.parse(upper).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next accepted shape
        }
        try {
            return LocalDateTime.parse(upper).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next accepted shape
        }
        try {
            return LocalDate.parse(upper).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
