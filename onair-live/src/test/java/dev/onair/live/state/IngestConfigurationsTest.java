package dev.onair.live.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.VideoConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestConfigurationsTest {
  @ParameterizedTest
  @CsvSource({"66, Baseline", "77, Main", "100, High", "110, High 10", "244, High 4:4:4"})
  void avcProfileName(int profileIdc, String name) {
    assertThat(IngestConfigurations.avcProfileName(profileIdc)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource({"30, 3.0", "31, 3.1", "42, 4.2", "51, 5.1"})
  void avcLevelName(int levelIdc, String name) {
    assertThat(IngestConfigurations.avcLevelName(levelIdc)).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
    // case,                 stored bitrate, stored encoder, now bitrate, now fps, now width, now encoder, differ
    "same figures,           3000000, obs,  3000000, 30, 1280, obs, false",
    "bitrate drift under 1%, 3000000, obs,  3020000, 30, 1280, obs, false",
    "bitrate exactly 1% off, 3000000, obs,  3030000, 30, 1280, obs, false",
    "bitrate over 1% off,    3000000, obs,  3030001, 30, 1280, obs, true",
    "bitrate down over 1%,   3000000, obs,  2900000, 30, 1280, obs, true",
    "bitrate first measured, null,    obs,  3000000, 30, 1280, obs, true",
    "frame rate changed,     3000000, obs,  3000000, 29, 1280, obs, true",
    "resolution changed,     3000000, obs,  3000000, 30, 1920, obs, true",
    "encoder name appeared,  3000000, null, 3000000, 30, 1280, obs, true",
  })
  void differ_video(String name, Long storedBitrate, String storedEncoder, Long nowBitrate, Long fps, Long width,
      String encoder, boolean differ) {
    VideoConfiguration stored = video(storedBitrate, 30L, 1280L, storedEncoder);
    VideoConfiguration now = video(nowBitrate, fps, width, encoder);
    assertThat(IngestConfigurations.differ(stored, now)).isEqualTo(differ);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
    "same,                   128000, 128000, 48000, false",
    "drift under 1%,         128000, 128900, 48000, false",
    "over 1% off,            128000, 130000, 48000, true",
    "sample rate changed,    128000, 128000, 44100, true",
  })
  void differ_audio(String name, Long storedBitrate, Long nowBitrate, Long sampleRate, boolean differ) {
    AudioConfiguration stored = new AudioConfiguration("mp4a.40.2", storedBitrate, 48000L, 2L, "Track0");
    AudioConfiguration now = new AudioConfiguration("mp4a.40.2", nowBitrate, sampleRate, 2L, "Track0");
    assertThat(IngestConfigurations.differ(stored, now)).isEqualTo(differ);
  }

  @org.junit.jupiter.api.Test
  void differ_whenOneSideIsUnknown() {
    VideoConfiguration video = video(3000000L, 30L, 1280L, "obs");
    assertThat(IngestConfigurations.differ(null, video)).isTrue();
    assertThat(IngestConfigurations.differ(video, null)).isTrue();
    assertThat(IngestConfigurations.differ((VideoConfiguration) null, null)).isFalse();
  }

  private static VideoConfiguration video(Long bitrate, Long fps, Long width, String encoder) {
    return new VideoConfiguration("Main", "3.1", "avc1.4D401F", encoder, bitrate, fps, 720L, width, "3.1", "Track0",
        "Main");
  }
}
