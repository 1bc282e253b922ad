package dev.onair.s3.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.error.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

class XmlBodiesTest {
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("nested one level past the cap", nested(XmlBodies.MAX_DEPTH + 1)),
        Arguments.of("nested 10,000 deep inside a value (overflowed the stack in getTextContent)",
            "<Delete><Object><Key>" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</Key></Object></Delete>"),
        Arguments.of("nested 1,000,000 deep and unclosed", "<Delete>" + "<a>".repeat(1_000_000)),
        Arguments.of("DOCTYPE with an external entity (XXE)",
            "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete><Object><Key>&x;</Key></Object></Delete>"),
        Arguments.of("entity expansion (billion laughs)",
            "<!DOCTYPE d [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><Delete><Object><Key>&b;</Key></Object>"
                + "</Delete>"),
        Arguments.of("not XML", "{\"Objects\":[]}"),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void parse_refused_isMalformedXml(String rule, String body) {
    assertThatThrownBy(() -> XmlBodies.parse(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.errorCode().code()).isEqualTo("MalformedXML"));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("S3's own depth", "<Delete><Object><Key>k</Key></Object></Delete>", "k"),
        Arguments.of("nested up to the cap", "<Delete><Object><Key>" + nested(XmlBodies.MAX_DEPTH - 3) + "</Key>"
            + "</Object></Delete>", "x"),
        Arguments.of("spaces kept in a raw key", "<Delete><Object><Key> k </Key></Object></Delete>", " k "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void parse_accepted_readsKey(String rule, String body, String key) {
    Element root = XmlBodies.parse(body.getBytes(StandardCharsets.UTF_8));

    assertThat(XmlBodies.childRawText(XmlBodies.children(root, "Object").get(0), "Key")).isEqualTo(key);
  }

  private static String nested(int depth) {
    return "<a>".repeat(depth) + "x" + "</a>".repeat(depth);
  }
}
