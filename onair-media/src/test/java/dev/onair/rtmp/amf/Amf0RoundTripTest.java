package dev.onair.rtmp.amf;

import static dev.onair.media.testing.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.rtmp.message.RtmpProtocolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Amf0RoundTripTest {

  static Stream<Arguments> values() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("app", "live");
    object.put("nothing", null);
    object.put("n", 1.5);
    List<Object> withNull = new ArrayList<>();
    withNull.add("a");
    withNull.add(null);
    return Stream.of(
        Arguments.of("number", 3.0, "00 4008000000000000"),
        Arguments.of("boolean true", true, "01 01"),
        Arguments.of("boolean false", false, "01 00"),
        Arguments.of("string", "hi", "02 0002 6869"),
        Arguments.of("empty string", "", "02 0000"),
        Arguments.of("null", null, "05"),
        Arguments.of("undefined", Amf0Undefined.INSTANCE, "06"),
        Arguments.of("object", Map.of("a", 1.0), "03 0001 61 00 3FF0000000000000 0000 09"),
        Arguments.of("ecma array", new Amf0EcmaArray(Map.of("w", true)), "08 00000001 0001 77 01 01 0000 09"),
        Arguments.of("strict array", List.of(1.0, "x"), "0A 00000002 00 3FF0000000000000 02 0001 78"),
        Arguments.of("date", new Amf0Date(0.0, 0), "0B 0000000000000000 0000"),
        Arguments.of("nested object with null", object, null),
        Arguments.of("strict array with null", withNull, null),
        Arguments.of("long string", "x".repeat(70_000), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void write_then_read_returns_same_value(String name, Object value, String expectedHex) {
    byte[] encoded = new Amf0Writer().write(value).toByteArray();
    if (expectedHex != null) {
      assertThat(encoded).isEqualTo(hex(expectedHex));
    }
    Amf0Reader reader = new Amf0Reader(encoded);
    assertThat(reader.read()).isEqualTo(value);
    assertThat(reader.hasRemaining()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void truncated_input_throws_protocol_exception(String name, Object value, String ignored) {
    byte[] encoded = new Amf0Writer().write(value).toByteArray();
    for (int length = 0; length < Math.min(encoded.length, 64); length++) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      if (length == 0) {
        assertThat(new Amf0Reader(truncated).readAll()).isEmpty();
        continue;
      }
      assertThatThrownBy(() -> new Amf0Reader(truncated).read())
          .as("prefix of %d bytes", length)
          .isInstanceOf(RtmpProtocolException.class);
    }
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("unknown marker", "FF"),
        Arguments.of("reference unsupported", "07 0001"),
        Arguments.of("string longer than payload", "02 FFFF 41"),
        Arguments.of("strict array count lies", "0A 7FFFFFFF 05"),
        Arguments.of("long string length lies", "0C 7FFFFFFF 41"),
        Arguments.of("nesting too deep", "0A00000001".repeat(40) + "05"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void read_malformed_throwsProtocolException(String name, String bytes) {
    assertThatThrownBy(() -> new Amf0Reader(hex(bytes)).read()).isInstanceOf(RtmpProtocolException.class);
  }

  @org.junit.jupiter.api.Test
  void read_connectCommandFromFfmpeg_keepsPropertyOrder() {
    Map<String, Object> connect = new LinkedHashMap<>();
    connect.put("app", "app");
    connect.put("type", "nonprivate");
    connect.put("flashVer", "FMLE/3.0 (compatible; Lavf59.27.100)");
    connect.put("tcUrl", "rtmp://127.0.0.1:1935/app");
    byte[] encoded = Amf0Writer.encode(List.of("connect", 1.0, connect));
    List<Object> values = new Amf0Reader(encoded).readAll();
    assertThat(values).containsExactly("connect", 1.0, connect);
    @SuppressWarnings("unchecked")
    Map<String, Object> read = (Map<String, Object>) values.get(2);
    assertThat(read.keySet()).containsExactly("app", "type", "flashVer", "tcUrl");
  }
}
