package dev.onair.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** X-Amz-Date parsing and the basic/date-stamp formats, read and written by hand: checked against java.time's. */
class AmzDatesTest {
    private static final DateTimeFormatter STRICT_BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

    static Stream<Arguments> basicDates() {
        return Stream.of(
                Arguments.of("20240517T101112Z", "2024-05-17T10:11:12Z"),
                Arguments.of("20000229T000000Z", "2000-02-29T00:00:00Z"),
                Arguments.of("19991231T235959Z", "1999-12-31T23:59:59Z"),
                Arguments.of("00010101T000000Z", "0001-01-01T00:00:00Z"),
                Arguments.of("20230229T000000Z", null), // not a leap year
                Arguments.of("21000229T000000Z", null), // century, not a leap year
                Arguments.of("20240431T000000Z", null), // April has 30 days
                Arguments.of("20241301T000000Z", null),
                Arguments.of("20240001T000000Z", null),
                Arguments.of("20240100T000000Z", null),
                Arguments.of("20240101T240000Z", null),
                Arguments.of("20240101T006000Z", null),
                Arguments.of("20240101T000060Z", null),
                Arguments.of("20240101t000000Z", null),
                Arguments.of("20240101T000000z", null),
                Arguments.of("20240101 000000Z", null),
                Arguments.of("+0240101T000000Z", null),
                Arguments.of("2024-101T000000Z", null),
                Arguments.of("2024010１T000000Z", null), // a non-ASCII digit
                Arguments.of("20240101T00000Z", null),
                Arguments.of("20240101T0000000Z", null),
                Arguments.of("", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("basicDates")
    void parseBasic_exactlyTheStrictPattern(String value, String expected) {
        assertThat(AmzDates.parseBasic(value)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    static Stream<Arguments> instants() {
        return Stream.of(
                Arguments.of("2024-05-17T10:11:12Z"), Arguments.of("2024-05-17T10:11:12.999999999Z"),
                Arguments.of("1970-01-01T00:00:00Z"), Arguments.of("0999-01-02T03:04:05Z"),
                Arguments.of("9999-12-31T23:59:59Z"), Arguments.of("1969-12-31T23:59:59.5Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instants")
    void formatBasicAndDateStamp_matchJavaTime(String instant) {
        Instant value = Instant.parse(instant);
        String expected = STRICT_BASIC.format(value.atOffset(ZoneOffset.UTC));

        assertThat(AmzDates.formatBasic(value)).isEqualTo(expected);
        assertThat(AmzDates.dateStamp(value)).isEqualTo(expected.substring(0, 8));
        assertThat(AmzDates.parseBasic(expected)).isEqualTo(value.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
