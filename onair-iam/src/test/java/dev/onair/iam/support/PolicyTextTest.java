package dev.onair.iam.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTextTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"Action\":\"*\"}|%7B%22Action%22%3A%22%2A%22%7D",
    "a b~c|a%20b~c",
    "x+y/z|x%2By%2Fz",
  })
  void urlEncode_isRfc3986(String document, String expected) {
    assertThat(PolicyText.urlEncode(document)).isEqualTo(expected);
    assertThat(URLDecoder.decode(expected.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(document);
  }
}
