package dev.onair.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmlWriterTest {
  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("plain", "plain"),
        Arguments.of("", ""),
        Arguments.of("arn:aws:sts::123456789012:assumed-role/r/s@x.com+=,.-_ ~", "arn:aws:sts::123456789012:assumed-role/r/s@x.com+=,.-_ ~"),
        Arguments.of("DEL\u007f", "DEL\u007f"),
        Arguments.of("é", "é"),
        Arguments.of("a<b>&c", "a&lt;b&gt;&amp;c"),
        Arguments.of("quote\"'", "quote\"'"),
        Arguments.of("cr\rlf\ntab\t", "cr&#13;lf\ntab\t"),
        Arguments.of("nul\u0000bell\u0007", "nul\uFFFDbell\uFFFD"),
        Arguments.of("emoji \uD83C\uDFA5", "emoji \uD83C\uDFA5"),
        Arguments.of("lone \uD83C surrogate", "lone \uFFFD surrogate"),
        Arguments.of("\uFFFE", "\uFFFD"));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void element_escapesText(String text, String expected) {
    assertThat(XmlWriter.fragment().element("A", text).toXml()).isEqualTo("<A>" + expected + "</A>");
  }

  @Test
  void start_namespaceEscaped() {
    assertThat(XmlWriter.fragment().start("R", "urn:\"x\"&").end().toXml()).isEqualTo("<R xmlns=\"urn:&quot;x&quot;&amp;\"></R>");
  }

  @Test
  void element_nullOmitted() {
    assertThat(XmlWriter.fragment().start("R").element("A", null).end().toXml()).isEqualTo("<R></R>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "a b", "a>b", "a\"", "-x"})
  void start_unsafeName_rejected(String name) {
    assertThatThrownBy(() -> XmlWriter.fragment().start(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toXml_unclosed_rejected() {
    assertThatThrownBy(() -> XmlWriter.fragment().start("A").toXml()).isInstanceOf(IllegalStateException.class);
  }
}
