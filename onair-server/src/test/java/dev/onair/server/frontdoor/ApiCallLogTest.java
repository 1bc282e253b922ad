package dev.onair.server.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiCallLogTest {
  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("plain ARN", "arn:aws:iam::123456789012:user/alice"),
        Arguments.of("quote and backslash", "a\"b\\c"),
        Arguments.of("control characters", "line1\nline2\r\t\u0001"),
        Arguments.of("non-ASCII", "ユーザー"),
        Arguments.of("DEL", "a\u007fb"),
        Arguments.of("empty", ""),
        Arguments.of("quote last", "abc\""));
  }

  static Stream<Arguments> times() {
    return Stream.of(
        Arguments.of("epoch", 0L, "1970-01-01T00:00:00.000Z"),
        Arguments.of("whole second", 1_796_031_927_000L, "2026-11-30T09:45:27.000Z"),
        Arguments.of("millis below ten", 1_796_031_927_007L, "2026-11-30T09:45:27.007Z"),
        Arguments.of("millis below hundred", 1_796_031_927_042L, "2026-11-30T09:45:27.042Z"),
        Arguments.of("last milli of a second", 1_796_031_927_999L, "2026-11-30T09:45:27.999Z"),
        Arguments.of("leap day", 1_709_164_800_123L, "2024-02-29T00:00:00.123Z"),
        Arguments.of("before the epoch", -1L, "1969-12-31T23:59:59.999Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("times")
  void appendTime_isoMillisUtc(String rule, long epochMillis, String expected) {
    // twice: the second call takes the cached second prefix
    for (int round = 0; round < 2; round++) {
      StringBuilder line = new StringBuilder();
      ApiCallLog.appendTime(line, epochMillis);
      assertThat(line.toString()).isEqualTo(expected);
      assertThat(java.time.Instant.parse(line).toEpochMilli()).isEqualTo(epochMillis);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void appendEscaped_roundTripsThroughAJsonParser(String rule, String value) throws Exception {
    StringBuilder json = new StringBuilder("\"");
    ApiCallLog.appendEscaped(json, value);
    json.append('"');
    assertThat(new ObjectMapper().readValue(json.toString(), String.class)).isEqualTo(value);
  }
}
