package dev.onair.live.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingLayoutTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // IVS's documented example: no zero padding, UTC, no leading slash
      "2020-06-23T20:12:00Z, ivs/v1/123456789012/AsXego4U6tnj/2020/6/23/20/12/j8Z9O91ndcVs",
      "2024-01-02T03:04:05Z, ivs/v1/123456789012/AsXego4U6tnj/2024/1/2/3/4/j8Z9O91ndcVs",
      "2024-12-31T23:59:59.999Z, ivs/v1/123456789012/AsXego4U6tnj/2024/12/31/23/59/j8Z9O91ndcVs",
      "2024-03-01T00:00:00Z, ivs/v1/123456789012/AsXego4U6tnj/2024/3/1/0/0/j8Z9O91ndcVs",
  })
  void prefix_followsIvsLayout(String start, String expected) {
    assertThat(RecordingLayout.prefix("123456789012", "AsXego4U6tnj", Instant.parse(start), "j8Z9O91ndcVs"))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"360, 30.0, 360p30", "720, 59.94, 720p60", "1080, 29.97, 1080p30", "480, 0, 480p30"})
  void renditionPath_heightAndFrameRate(int height, double fps, String expected) {
    assertThat(RecordingLayout.renditionPath(height, fps)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0, TS, 0.ts", "12, TS, 12.ts", "3, FRAGMENTED_MP4, 3.m4s"})
  void segmentFile(long index, String container, String expected) {
    assertThat(RecordingLayout.segmentFile(index, container)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void keys_underPrefix() {
    String prefix = "ivs/v1/1/c/2024/1/1/0/0/r";
    assertThat(RecordingLayout.masterKey(prefix)).isEqualTo(prefix + "/media/hls/master.m3u8");
    assertThat(RecordingLayout.renditionKey(prefix, "360p30", "playlist.m3u8"))
        .isEqualTo(prefix + "/media/hls/360p30/playlist.m3u8");
  }
}
