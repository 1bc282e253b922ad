package dev.onair.live.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.ThumbnailConfiguration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThumbnailPlanTest {
  private static final String P = "ivs/v1/123456789012/chan/2025/2/3/4/5/rec000000001";

  static Stream<Arguments> configurations() {
    return Stream.of(
        // mode, interval, resolution, storage -> enabled, intervalMillis, keys for index 3
        Arguments.of(ThumbnailConfiguration.DEFAULT, true, 60_000L,
            List.of(P + "/media/thumbnails/thumb3.jpg")),
        Arguments.of(new ThumbnailConfiguration("INTERVAL", 5, null, List.of("SEQUENTIAL")), true, 5_000L,
            List.of(P + "/media/thumbnails/thumb3.jpg")),
        Arguments.of(new ThumbnailConfiguration("INTERVAL", 1, "HD", List.of("LATEST")), true, 1_000L,
            List.of(P + "/media/latest_thumbnail/thumb.jpg")),
        Arguments.of(new ThumbnailConfiguration("INTERVAL", 10, null, List.of("SEQUENTIAL", "LATEST")), true,
            10_000L, List.of(P + "/media/thumbnails/thumb3.jpg", P + "/media/latest_thumbnail/thumb.jpg")),
        Arguments.of(new ThumbnailConfiguration("INTERVAL", 0, null, List.of()), true, 60_000L,
            List.of(P + "/media/thumbnails/thumb3.jpg")),
        Arguments.of(new ThumbnailConfiguration("DISABLED", 60, null, List.of("SEQUENTIAL")), false, 0L,
            List.of()));
  }

  @ParameterizedTest
  @MethodSource("configurations")
  void plan_followsThumbnailConfiguration(ThumbnailConfiguration configuration, boolean enabled, long interval,
      List<String> keys) {
    ThumbnailPlan plan = ThumbnailPlan.of(configuration);
    assertThat(plan.enabled()).isEqualTo(enabled);
    assertThat(plan.intervalMillis()).isEqualTo(interval);
    assertThat(plan.keys(P, 3)).isEqualTo(keys);
  }

  static Stream<Arguments> schedule() {
    long none = Long.MIN_VALUE;
    return Stream.of(
        // interval ms, last taken, now -> due
        Arguments.of(60_000L, none, 0L, true),          // the first keyframe always
        Arguments.of(60_000L, 0L, 59_999L, false),
        Arguments.of(60_000L, 0L, 60_000L, true),
        Arguments.of(1_000L, 5_000L, 5_500L, false),
        Arguments.of(1_000L, 5_000L, 6_200L, true));
  }

  @ParameterizedTest
  @MethodSource("schedule")
  void due_whenIntervalElapsed(long interval, long last, long now, boolean due) {
    ThumbnailPlan plan = new ThumbnailPlan(true, interval, true, false, null);
    assertThat(plan.due(last, now)).isEqualTo(due);
    assertThat(ThumbnailPlan.DISABLED.due(last, now)).isFalse();
  }

  static Stream<Arguments> resolutions() {
    return Stream.of(
        // resolution, source w x h -> thumbnail w x h
        Arguments.of(null, 1920, 1080, 1920, 1080),
        Arguments.of("HD", 1920, 1080, 1280, 720),
        Arguments.of("SD", 1280, 720, 852, 480),
        Arguments.of("FULL_HD", 1280, 720, 1280, 720),   // never scaled up
        Arguments.of("LOWEST_RESOLUTION", 640, 360, 640, 360));
  }

  @ParameterizedTest
  @MethodSource("resolutions")
  void resolution_scalesDownOnly(String resolution, int w, int h, int tw, int th) {
    ThumbnailPlan plan = ThumbnailPlan.of(new ThumbnailConfiguration("INTERVAL", 60, resolution,
        List.of("SEQUENTIAL")));
    assertThat(plan.width(w, h)).isEqualTo(tw);
    assertThat(plan.height(h)).isEqualTo(th);
  }
}
