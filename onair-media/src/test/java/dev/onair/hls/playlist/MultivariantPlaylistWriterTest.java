package dev.onair.hls.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MultivariantPlaylistWriterTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("source rendition",
            List.of(new Variant("source.m3u8", 2_800_000, 2_500_000, 1280, 720, "avc1.4D401F,mp4a.40.2", 30)),
            """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-STREAM-INF:BANDWIDTH=2800000,AVERAGE-BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.4D401F,mp4a.40.2",FRAME-RATE=30.000
            source.m3u8
            """),
        Arguments.of("unknown frame rate and average omitted",
            List.of(new Variant("a.m3u8", 1000, 0, 320, 240, "avc1.64000D", 0)),
            """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-STREAM-INF:BANDWIDTH=1000,RESOLUTION=320x240,CODECS="avc1.64000D"
            a.m3u8
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void write_rendersExactText(String name, List<Variant> variants, String expected) {
    assertThat(MultivariantPlaylistWriter.write(variants)).isEqualTo(expected);
  }
}
