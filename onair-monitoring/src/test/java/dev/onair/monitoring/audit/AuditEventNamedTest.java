package dev.onair.monitoring.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The resources an audit event names: the checks' ARNs without {@code *} and without repeats, in order. */
class AuditEventNamedTest {
  private static final String A = "arn:aws:ivs:us-west-2:123456789012:channel/a";
  private static final String B = "arn:aws:ivs:us-west-2:123456789012:channel/b";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(List.of(), List.of()),
        Arguments.of(List.of("*"), List.of()),
        Arguments.of(List.of(A), List.of(A)),
        Arguments.of(List.of(A, "*"), List.of(A)),
        Arguments.of(List.of("*", "*"), List.of()),
        Arguments.of(List.of(A, A), List.of(A)),
        Arguments.of(List.of(B, A, B), List.of(B, A)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void named_dropsWildcardsAndRepeats(List<String> resources, List<String> expected) {
    assertThat(AuditEvent.named(resources)).containsExactlyElementsOf(expected);
  }
}
