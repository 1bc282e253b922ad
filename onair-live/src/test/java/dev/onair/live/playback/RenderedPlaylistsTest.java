package dev.onair.live.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.hls.segment.ContainerFormat;
import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.hls.segment.SegmentWindow;
import dev.onair.hls.segment.SegmenterConfig;
import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.media.codec.SpsInfo;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderedPlaylistsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final byte[] SPS = {0x67, 0x64, 0x00, 0x1F};
  private static final byte[] PPS = {0x68, (byte) 0xEE, 0x3C, (byte) 0x80};
  private static final byte[] IDR = {0, 0, 0, 3, 0x65, (byte) 0x88, 0x01};
  private static final byte[] NON_IDR = {0, 0, 0, 3, 0x41, (byte) 0x9A, 0x01};
  private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:channel/abc";

  static LiveSegmenter segmenter(ContainerFormat format) {
    LiveSegmenter segmenter = new LiveSegmenter(SegmenterConfig.defaults(format), CLOCK);
    segmenter.onVideoConfig(0, new AvcDecoderConfig(new byte[0], 100, 0, 31, 4, List.of(SPS), List.of(PPS),
        new SpsInfo(100, 0, 31, 1280, 720, 30)));
    segmenter.onAudioConfig(0, AacConfig.parse(new byte[] {0x12, 0x10}));
    return segmenter;
  }

  /** 30 fps video, a keyframe each second, plus audio, from {@code fromFrame} for {@code frames} frames. */
  static void feed(LiveSegmenter segmenter, int fromFrame, int frames) {
    for (int i = fromFrame; i < fromFrame + frames; i++) {
      long dts = Math.round(i * 1000.0 / 30);
      segmenter.onVideo(dts, 0, i % 30 == 0, i % 30 == 0 ? IDR : NON_IDR);
      if (i % 2 == 0) {
        segmenter.onAudio(dts, new byte[] {0x21, 0x10, 0x04});
      }
    }
  }

  @ParameterizedTest(name = "{0} lowLatency={1} suffix={2}")
  @CsvSource(nullValues = "-", value = {
      "TS,    false, ''",
      "TS,    true,  ''",
      "TS,    false, ?ps=abc.DEF_123-xyz%3D",
      "TS,    true,  ?ps=abc.DEF_123-xyz%3D",
      "FMP4,  false, ?ps=s",
      "FMP4,  true,  ?ps=s",
  })
  void playlist_isTheSegmentersTextWithTheSuffixOnEveryUri(ContainerFormat format, boolean lowLatency,
      String suffix) {
    LiveSegmenter segmenter = segmenter(format);
    feed(segmenter, 0, 30 * 9 + 20); // 4 segments and an open one with parts
    SegmentWindow window = segmenter.snapshot();
    assertThat(window.segments()).hasSizeGreaterThanOrEqualTo(3);

    byte[] body = new RenderedPlaylists().playlist(ARN, window, lowLatency, suffix);

    String expected = LiveSegmenter.playlist(window, lowLatency, PlaybackRoutes.naming(suffix));
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(expected);
    if (!suffix.isEmpty()) {
      assertThat(expected).contains("seg1" + format.extension() + suffix);
    }
  }

  @ParameterizedTest(name = "lowLatency={0}")
  @CsvSource({"false", "true"})
  void template_renderedOncePerWindow_andAgainWhenTheWindowChanges(boolean lowLatency) {
    LiveSegmenter segmenter = segmenter(ContainerFormat.TS);
    feed(segmenter, 0, 30 * 5 + 5);
    RenderedPlaylists cache = new RenderedPlaylists();
    SegmentWindow first = segmenter.snapshot();

    RenderedPlaylists.Template a = cache.template(ARN, first, lowLatency);
    RenderedPlaylists.Template b = cache.template(ARN, first, lowLatency);
    assertThat(b).isSameAs(a);
    // the other mode of the same window is a separate template and does not evict this one
    assertThat(cache.template(ARN, first, !lowLatency)).isNotSameAs(a);
    assertThat(cache.template(ARN, first, lowLatency)).isSameAs(a);

    feed(segmenter, 30 * 5 + 5, 30 * 3); // new parts and segments: a new window
    SegmentWindow second = segmenter.snapshot();
    assertThat(second).isNotSameAs(first);
    RenderedPlaylists.Template c = cache.template(ARN, second, lowLatency);
    assertThat(c).isNotSameAs(a);
    assertThat(c.window()).isSameAs(second);
    assertThat(new String(c.with("?ps=x"), StandardCharsets.UTF_8))
        .isEqualTo(LiveSegmenter.playlist(second, lowLatency, PlaybackRoutes.naming("?ps=x")))
        .isNotEqualTo(new String(a.with("?ps=x"), StandardCharsets.UTF_8));
    // a second channel has its own entry
    assertThat(cache.template(ARN + "2", second, lowLatency)).isNotSameAs(c);
    assertThat(cache.template(ARN, second, lowLatency)).isSameAs(c);
  }

  /** A broadcast that ended leaves its channel's entry behind; its window (the segments' media) must not stay too. */
  @Test
  void cache_doesNotKeepTheWindowOfABroadcastThatIsGone() throws InterruptedException {
    RenderedPlaylists cache = new RenderedPlaylists();
    WeakReference<SegmentWindow> gone = renderAndDrop(cache);
    for (int i = 0; i < 50 && gone.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(gone.get()).as("the window of a segmenter nobody holds any more").isNull();
    Reference.reachabilityFence(cache);
  }

  private static WeakReference<SegmentWindow> renderAndDrop(RenderedPlaylists cache) {
    LiveSegmenter segmenter = segmenter(ContainerFormat.TS);
    feed(segmenter, 0, 30 * 5 + 5);
    SegmentWindow window = segmenter.snapshot();
    cache.template(ARN, window, false);
    cache.template(ARN, window, true);
    return new WeakReference<>(window);
  }
}
