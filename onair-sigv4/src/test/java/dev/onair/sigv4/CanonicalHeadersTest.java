package dev.onair.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Header values are trimmed with inner runs collapsed; SignedHeaders are used lowercase and sorted, however sent. */
class CanonicalHeadersTest {
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("already trimmed", "a b c", "a b c"),
                Arguments.of("empty", "", ""),
                Arguments.of("one space only", " ", ""),
                Arguments.of("leading and trailing", "  a b ", "a b"),
                Arguments.of("inner run of spaces", "a   b", "a b"),
                Arguments.of("tab between words", "a\tb", "a b"),
                Arguments.of("newline and space", "a\n b", "a b"),
                Arguments.of("space then tab", "a \tb", "a b"),
                Arguments.of("trailing tab", "ab\t", "ab"),
                Arguments.of("form feed and vertical tab", "a\f\u000bb", "a b"),
                Arguments.of("non-breaking space is not whitespace", "a\u00a0b", "a\u00a0b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void trimAll_collapsesWhitespace(String rule, String value, String expected) {
        assertThat(CanonicalRequest.trimAll(value)).isEqualTo(expected);
    }

    static Stream<Arguments> signedHeaderOrders() {
        return Stream.of(
                Arguments.of("sorted lowercase", List.of("content-type", "host", "x-amz-date")),
                Arguments.of("unsorted", List.of("x-amz-date", "host", "content-type")),
                Arguments.of("uppercase", List.of("Content-Type", "HOST", "X-Amz-Date")),
                Arguments.of("repeated name", List.of("content-type", "host", "host", "x-amz-date")),
                Arguments.of("mixed", List.of("host", "X-Amz-Date", "content-type")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedHeaderOrders")
    void canonicalHeaders_anyOrderOrCase_sameLines(String rule, List<String> signedHeaders) {
        SigningRequest request = SigningRequest.of("POST", "/", null, "X-Amz-Date", "20240101T000000Z",
                "Host", " iam.example.com ", "Content-Type", "application/x-www-form-urlencoded;  charset=utf-8");

        assertThat(CanonicalRequest.canonicalHeaders(request, signedHeaders)).isEqualTo(
                "content-type:application/x-www-form-urlencoded; charset=utf-8\n"
                        + "host:iam.example.com\n"
                        + "x-amz-date:20240101T000000Z\n");
    }
}
