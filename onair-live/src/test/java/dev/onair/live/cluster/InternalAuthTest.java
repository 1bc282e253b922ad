package dev.onair.live.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The internal route's HMAC: only a signature over exactly this request, fresh, from the same key is accepted. */
class InternalAuthTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final byte[] KEY = filled(7);
  private static final String PATH = "/_onair/internal/playback/api/video/v1/x.m3u8";
  private static final long SIGNED_AT = NOW.toEpochMilli();

  static Stream<Arguments> requests() {
    InternalAuth signer = new InternalAuth(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
    String good = signer.sign("GET", PATH, "ps=1", SIGNED_AT, "203.0.113.9");
    String otherKey = new InternalAuth(filled(8), Clock.fixed(NOW, ZoneOffset.UTC))
        .sign("GET", PATH, "ps=1", SIGNED_AT, "203.0.113.9");
    return Stream.of(
        Arguments.of("valid", "GET", PATH, "ps=1", Long.toString(SIGNED_AT), "203.0.113.9", good, true),
        Arguments.of("other path", "GET", PATH + "x", "ps=1", Long.toString(SIGNED_AT), "203.0.113.9", good, false),
        Arguments.of("other query", "GET", PATH, "ps=2", Long.toString(SIGNED_AT), "203.0.113.9", good, false),
        Arguments.of("other viewer", "GET", PATH, "ps=1", Long.toString(SIGNED_AT), "198.51.100.1", good, false),
        Arguments.of("other method", "HEAD", PATH, "ps=1", Long.toString(SIGNED_AT), "203.0.113.9", good, false),
        Arguments.of("other key", "GET", PATH, "ps=1", Long.toString(SIGNED_AT), "203.0.113.9", otherKey, false),
        Arguments.of("no signature", "GET", PATH, "ps=1", Long.toString(SIGNED_AT), "203.0.113.9", null, false),
        Arguments.of("no date", "GET", PATH, "ps=1", null, "203.0.113.9", good, false),
        Arguments.of("garbage date", "GET", PATH, "ps=1", "soon", "203.0.113.9", good, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void verify(String name, String method, String path, String query, String date, String viewer, String signature,
      boolean accepted) {
    InternalAuth receiver = new InternalAuth(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(receiver.verify(method, path, query, date, viewer, signature)).isEqualTo(accepted);
  }

  @ParameterizedTest(name = "signed {0} s before receipt -> {1}")
  @MethodSource("ages")
  void freshness(int ageSeconds, boolean accepted) {
    InternalAuth receiver = new InternalAuth(KEY, Clock.fixed(NOW.plusSeconds(ageSeconds), ZoneOffset.UTC));
    String signature = receiver.sign("GET", PATH, "", SIGNED_AT, "v");
    assertThat(receiver.verify("GET", PATH, "", Long.toString(SIGNED_AT), "v", signature)).isEqualTo(accepted);
  }

  static Stream<Arguments> ages() {
    return Stream.of(Arguments.of(0, true), Arguments.of(30, true), Arguments.of(31, false),
        Arguments.of(-31, false));
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }
}
