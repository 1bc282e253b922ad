package dev.onair.live.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** viewerCount and ConcurrentViews count distinct playback sessions seen within the last minute, by country. */
class ViewerTrackerTest {
  private static final long W = ViewerTracker.WINDOW_MILLIS;

  /** A request of one playback session at a time (ms), with the trusted country header's value. */
  record Touch(String viewer, String country, long atMillis) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("one session polling its playlist is one viewer",
            List.of(t("ps-1", null, 0), t("ps-1", null, 1_000), t("ps-1", null, 2_000)), 2_000L,
            Map.of("UNKNOWN", 1L)),
        Arguments.of("two sessions are two viewers, even from one address",
            List.of(t("ps-1", null, 0), t("ps-2", null, 500)), 1_000L, Map.of("UNKNOWN", 2L)),
        Arguments.of("a session silent for exactly the window still counts",
            List.of(t("ps-1", null, 0)), W, Map.of("UNKNOWN", 1L)),
        Arguments.of("a session silent for longer than the window has left",
            List.of(t("ps-1", null, 0), t("ps-2", null, 10)), W + 1, Map.of("UNKNOWN", 1L)),
        Arguments.of("countries are ISO alpha-2, upper-cased",
            List.of(t("ps-1", "de", 0), t("ps-2", " US ", 0), t("ps-3", "US", 0)), 0L, Map.of("DE", 1L, "US", 2L)),
        Arguments.of("anything else is UNKNOWN",
            List.of(t("ps-1", "", 0), t("ps-2", "DEU", 0), t("ps-3", "1A", 0), t("ps-4", "é1", 0),
                t("ps-5", "ÄÖ", 0)), 0L, Map.of("UNKNOWN", 5L)),
        Arguments.of("a viewer's latest country wins",
            List.of(t("ps-1", "FR", 0), t("ps-1", "BE", 1_000)), 1_000L, Map.of("BE", 1L)));
  }

  private static Touch t(String viewer, String country, long atMillis) {
    return new Touch(viewer, country, atMillis);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void countByCountry(String name, List<Touch> touches, long nowMillis, Map<String, Long> expected) {
    ViewerTracker tracker = new ViewerTracker();
    touches.forEach(t -> tracker.touch(t.viewer(), t.country(), t.atMillis()));
    assertThat(tracker.countByCountry(nowMillis)).isEqualTo(expected);
    assertThat(tracker.count(nowMillis)).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
  }
}
