package dev.onair.hls.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediaPlaylistWriterTest {
  private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.678Z");

  private static MediaPlaylist.Segment seg(String uri, double duration, Instant pdt, boolean disc) {
    return new MediaPlaylist.Segment(uri, duration, pdt, disc, null, List.of());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("ts live window",
            new MediaPlaylist(2, 7, 0, null, null, null,
                List.of(seg("seg7.ts", 2.0, T0, false), seg("seg8.ts", 1.966, T0.plusMillis(2000), false)),
                List.of(), null, false, null, null, false),
            """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:7
            #EXT-X-PROGRAM-DATE-TIME:2025-01-02T03:04:05.678Z
            #EXTINF:2.000,
            seg7.ts
            #EXT-X-PROGRAM-DATE-TIME:2025-01-02T03:04:07.678Z
            #EXTINF:1.966,
            seg8.ts
            """),
        Arguments.of("discontinuity, ended",
            new MediaPlaylist(2, 3, 1, null, null, null,
                List.of(seg("a.ts", 2.0, null, false), seg("b.ts", 2.0, null, true)),
                List.of(), null, false, null, null, true),
            """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:3
            #EXT-X-DISCONTINUITY-SEQUENCE:1
            #EXTINF:2.000,
            a.ts
            #EXT-X-DISCONTINUITY
            #EXTINF:2.000,
            b.ts
            #EXT-X-ENDLIST
            """),
        Arguments.of("ll-hls fmp4 with parts, trailing parts and preload hint",
            new MediaPlaylist(2, 0, 0, 0.5, new MediaPlaylist.ServerControl(true, 1.5, 6.0), "init0.mp4",
                List.of(new MediaPlaylist.Segment("seg0.m4s", 1.0, null, false, null, List.of(
                    new MediaPlaylist.Part("part0.0.m4s", 0.5, true),
                    new MediaPlaylist.Part("part0.1.m4s", 0.5, false)))),
                List.of(new MediaPlaylist.Part("part1.0.m4s", 0.5, true)), T0, false, null,
                new MediaPlaylist.PreloadHint("PART", "part1.1.m4s"), false),
            """
            #EXTM3U
            #EXT-X-VERSION:6
            #EXT-X-TARGETDURATION:2
            #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.500,HOLD-BACK=6.000
            #EXT-X-PART-INF:PART-TARGET=0.500
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-MAP:URI="init0.mp4"
            #EXT-X-PART:DURATION=0.500,URI="part0.0.m4s",INDEPENDENT=YES
            #EXT-X-PART:DURATION=0.500,URI="part0.1.m4s"
            #EXTINF:1.000,
            seg0.m4s
            #EXT-X-PROGRAM-DATE-TIME:2025-01-02T03:04:05.678Z
            #EXT-X-PART:DURATION=0.500,URI="part1.0.m4s",INDEPENDENT=YES
            #EXT-X-PRELOAD-HINT:TYPE=PART,URI="part1.1.m4s"
            """),
        Arguments.of("init change mid-window",
            new MediaPlaylist(2, 0, 0, null, null, "init0.mp4",
                List.of(seg("seg0.m4s", 2.0, null, false),
                    new MediaPlaylist.Segment("seg1.m4s", 2.0, null, true, "init1.mp4", List.of())),
                List.of(), null, false, null, null, false),
            """
            #EXTM3U
            #EXT-X-VERSION:6
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-MAP:URI="init0.mp4"
            #EXTINF:2.000,
            seg0.m4s
            #EXT-X-DISCONTINUITY
            #EXT-X-MAP:URI="init1.mp4"
            #EXTINF:2.000,
            seg1.m4s
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void write_rendersExactText(String name, MediaPlaylist playlist, String expected) {
    assertThat(MediaPlaylistWriter.write(playlist)).isEqualTo(expected);
  }

  @Test
  void write_liveNeverHasPlaylistType() {
    MediaPlaylist live = new MediaPlaylist(2, 0, 0, null, null, null, List.of(), List.of(), null, false, null,
        null, false);
    assertThat(MediaPlaylistWriter.write(live)).doesNotContain("PLAYLIST-TYPE");
  }
}
