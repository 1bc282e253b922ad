package dev.onair.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ETagsTest {
  @Test
  void md5Hex_knownValues() {
    assertThat(ETags.md5Hex(new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(ETags.md5Hex("hello".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("5d41402abc4b2a76b9719d911017c592");
  }

  /** Same result as `aws s3` tooling: md5(concat(binary md5 of each part)) + "-" + count. */
  @Test
  void multipart_md5OfBinaryMd5s() {
    String a = ETags.md5Hex("a".getBytes(StandardCharsets.UTF_8));
    String b = ETags.md5Hex("b".getBytes(StandardCharsets.UTF_8));
    byte[] joined = java.util.HexFormat.of().parseHex(a + b);
    assertThat(ETags.multipart(List.of(a, b))).isEqualTo(ETags.md5Hex(joined) + "-2");
    assertThat(ETags.multipart(List.of(a))).endsWith("-1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"\"abc\"|abc", "abc|abc", "W/\"abc\"|abc", " \"abc\" |abc", "\"\"|''"})
  void normalize_stripsQuotes(String raw, String expected) {
    assertThat(ETags.normalize(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"\"abc\"|true", "*|true", "\"x\", \"abc\"|true", "\"x\"|false", "abcd|false"})
  void matchesAny_lists(String header, boolean matches) {
    assertThat(ETags.matchesAny(header, "abc")).isEqualTo(matches);
  }
}
