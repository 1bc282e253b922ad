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
        Arguments.of("non-ASCII", "ユーザー"));
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
