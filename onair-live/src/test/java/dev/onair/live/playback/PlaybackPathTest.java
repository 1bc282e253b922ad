package dev.onair.live.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybackPathTest {
  private static final String BASE = "/api/video/v1/us-west-2.123456789012.channel.abcdEFGH1234";

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      "'.m3u8',                                   MULTIVARIANT,   -,                  -1, -1, -1",
      "'/st-ABCDEfghij01234KLMN5678/playlist.m3u8', MEDIA_PLAYLIST, st-ABCDEfghij01234KLMN5678, -1, -1, -1",
      "'/st-ABCDEfghij01234KLMN5678/seg12.ts',      SEGMENT,        st-ABCDEfghij01234KLMN5678, 12, -1, -1",
      "'/st-ABCDEfghij01234KLMN5678/part12.3.m4s',  PART,           st-ABCDEfghij01234KLMN5678, 12,  3, -1",
      "'/st-ABCDEfghij01234KLMN5678/init2.mp4',     INIT,           st-ABCDEfghij01234KLMN5678, -1, -1,  2",
  })
  void parse_knownResources(String suffix, PlaybackPath.Kind kind, String streamId, long msn, int part, int init) {
    PlaybackPath path = PlaybackPath.parse(BASE + suffix).orElseThrow();
    assertThat(path.kind()).isEqualTo(kind);
    assertThat(path.streamId()).isEqualTo(streamId);
    assertThat(path.msn()).isEqualTo(msn);
    assertThat(path.part()).isEqualTo(part);
    assertThat(path.initId()).isEqualTo(init);
    assertThat(path.channelArn()).isEqualTo("arn:aws:ivs:us-west-2:123456789012:channel/abcdEFGH1234");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/api/video/v1/us-west-2.123456789012.channel.abc.m3u",
      "/api/video/v1/us-west-2.123456789012.channel..m3u8",
      "/api/video/v1/us-west-2.1234567890123.channel.abc.m3u8",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/../../etc/passwd",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/seg1.exe",
      "/api/video/v1/us-west-2.123456789012.channel.abc/notastream/seg1.ts",
      "/other/us-west-2.123456789012.channel.abc.m3u8",
  })
  void parse_rejectsEverythingElse(String rawPath) {
    assertThat(PlaybackPath.parse(rawPath)).isEqualTo(Optional.empty());
  }
}
