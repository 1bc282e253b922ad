package dev.onair.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormDecoderTest {
  static Stream<Arguments> wellFormed() {
    return Stream.of(
        Arguments.of("plain pair", "a=b", List.of(Map.entry("a", "b"))),
        Arguments.of("plus is a space", "a=b+c", List.of(Map.entry("a", "b c"))),
        Arguments.of("escaped plus stays a plus", "a=b%2Bc", List.of(Map.entry("a", "b+c"))),
        Arguments.of("name without value", "a", List.of(Map.entry("a", ""))),
        Arguments.of("repeats kept in order", "a=1&a=2", List.of(Map.entry("a", "1"), Map.entry("a", "2"))),
        Arguments.of("empty pairs skipped", "&a=1&&", List.of(Map.entry("a", "1"))),
        Arguments.of("escaped UTF-8", "k=%C3%A9", List.of(Map.entry("k", "é"))),
        Arguments.of(
            "raw non-ASCII before many escapes and ASCII",
            "k=é" + "%41".repeat(3) + "x".repeat(80),
            List.of(Map.entry("k", "é" + "AAA" + "x".repeat(80)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wellFormed")
  void decode_wellFormed(String rule, String text, List<Map.Entry<String, String>> expected) {
    assertThat(FormDecoder.decode(text)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("ASCII body", new byte[] {'A', '=', 'b'}, "A=b"),
        Arguments.of("empty body", new byte[0], ""),
        Arguments.of("DEL is ASCII", new byte[] {'a', 0x7F}, "a\u007f"),
        Arguments.of("raw UTF-8 body", new byte[] {'k', '=', (byte) 0xC3, (byte) 0xA9}, "k=é"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void utf8_validBytes(String rule, byte[] body, String expected) {
    assertThat(FormDecoder.utf8(body)).isEqualTo(expected);
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("lone continuation byte", new byte[] {'a', (byte) 0x80}),
        Arguments.of("truncated sequence", new byte[] {'k', '=', (byte) 0xC3}),
        Arguments.of("overlong encoding", new byte[] {(byte) 0xC0, (byte) 0xAF}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void utf8_invalidBytes_reportsClientError(String rule, byte[] body) {
    assertThatThrownBy(() -> FormDecoder.utf8(body)).isInstanceOf(FormDecoder.MalformedFormException.class);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("lone percent at the end", "a=%"),
        Arguments.of("one hex digit", "a=%4"),
        Arguments.of("non-hex escape", "a=%zz"),
        Arguments.of("escaped invalid UTF-8", "a=%FF%FE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void decode_malformed_reportsClientError(String rule, String text) {
    assertThatThrownBy(() -> FormDecoder.decode(text)).isInstanceOf(FormDecoder.MalformedFormException.class);
  }

  @Property
  void decode_anyText_onlyReportsMalformedForm(@ForAll String text) {
    try {
      FormDecoder.decode(text);
    } catch (FormDecoder.MalformedFormException expected) {
      // the only failure a client may cause
    }
  }
}
