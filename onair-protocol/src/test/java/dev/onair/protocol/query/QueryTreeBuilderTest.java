package dev.onair.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryTreeBuilderTest {
  static Stream<Arguments> depths() {
    return Stream.of(
        Arguments.of("CloudWatch's deepest member", 8, true),
        Arguments.of("at the cap", QueryTreeBuilder.MAX_SEGMENTS, true),
        Arguments.of("one past the cap: ignored like an unknown parameter", QueryTreeBuilder.MAX_SEGMENTS + 1, false),
        Arguments.of("10,000 segments (overflowed the stack while building)", 10_000, false),
        Arguments.of("100,000 member levels", 100_000, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("depths")
  void build_deepNames_builtUpToTheCap(String rule, int segments, boolean built) {
    String deep = "A" + ".member.1".repeat((segments - 1) / 2) + ((segments - 1) % 2 == 1 ? ".B" : "");

    StructNode tree = QueryTreeBuilder.build(List.of(Map.entry(deep, "v"), Map.entry("UserName", "u")));

    assertThat(deep.split("\\.", -1)).hasSize(segments);
    assertThat(tree.has("A")).isEqualTo(built);
    assertThat(tree.string("UserName")).isEqualTo("u");
  }
}
