package dev.onair.live.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.hls.segment.ContainerFormat;
import dev.onair.hls.segment.Part;
import dev.onair.hls.segment.Segment;
import dev.onair.hls.segment.SegmentWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlockingReloadTest {
  /** Segments 10..13 complete (4 parts of 0.5 s each), segment 14 open with 2 parts; TD 2 s, PART-TARGET 0.5 s. */
  static SegmentWindow window(boolean ended) {
    List<Segment> segments = new ArrayList<>();
    for (long msn = 10; msn <= 13; msn++) {
      segments.add(new Segment(msn, 2.0, Instant.EPOCH, false, 0, parts(msn, 4)));
    }
    return new SegmentWindow(ContainerFormat.TS, segments, 14, true, parts(14, 2), Instant.EPOCH, false, 0, List.of(),
        2, 0.5, 6, 0, ended, null);
  }

  static List<Part> parts(long msn, int count) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(new Part(msn, i, 0.5, i == 0, new byte[] {0x47}));
    }
    return parts;
  }

  static Stream<Arguments> cases() {
    BlockingReload.Decision now = new BlockingReload.Immediate();
    return Stream.of(
        // _HLS_msn, _HLS_part, low latency, ended, expected
        Arguments.of(null, null, true, false, now),
        Arguments.of("13", null, true, false, now),                           // already there
        Arguments.of("14", null, true, false, new BlockingReload.Await(14, -1)), // the open segment
        Arguments.of("15", null, true, false, new BlockingReload.Await(15, -1)), // one past the open one
        Arguments.of("16", null, true, false, bad()),                          // more than one ahead
        Arguments.of("14", "1", true, false, now),                            // part exists
        Arguments.of("14", "2", true, false, new BlockingReload.Await(14, 2)),  // the hinted next part
        Arguments.of("14", "9", true, false, bad()),                           // beyond the advance part limit
        Arguments.of(null, "1", true, false, new BlockingReload.BadRequest("_HLS_part requires _HLS_msn")),
        Arguments.of("x", null, true, false, new BlockingReload.BadRequest(
            "_HLS_msn and _HLS_part must be decimal integers")),
        Arguments.of("-1", null, true, false, new BlockingReload.BadRequest(
            "_HLS_msn and _HLS_part must not be negative")),
        Arguments.of("99", null, true, true, now),                            // ENDLIST: directives ignored
        Arguments.of("99", "3", false, false, now));                           // not an LL playlist
  }

  private static BlockingReload.Decision bad() {
    return new BlockingReload.BadRequest("_HLS_msn/_HLS_part is too far ahead of the live edge");
  }

  @ParameterizedTest(name = "msn={0} part={1} ll={2} ended={3} -> {4}")
  @MethodSource("cases")
  void decide(String msn, String part, boolean lowLatency, boolean ended, BlockingReload.Decision expected) {
    assertThat(BlockingReload.decide(msn, part, lowLatency, window(ended))).isEqualTo(expected);
  }
}
