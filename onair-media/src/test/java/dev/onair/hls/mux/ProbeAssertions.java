package dev.onair.hls.mux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.testing.MediaTools;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Assertions on ffprobe's JSON without a JSON library: the fields we need are flat. */
final class ProbeAssertions {
  private ProbeAssertions() {}

  static void assertH264AacFile(Path file, int width, int height, double seconds, double tolerance) {
    String json = MediaTools.probe(file);
    assertThat(json).contains("\"codec_name\": \"h264\"").contains("\"codec_name\": \"aac\"")
        .contains("\"width\": " + width).contains("\"height\": " + height);
    Matcher duration = Pattern.compile("\"duration\": \"([0-9.]+)\"").matcher(json);
    assertThat(duration.find()).as("duration in %s", json).isTrue();
    assertThat(Double.parseDouble(duration.group(1))).isCloseTo(seconds, org.assertj.core.data.Offset.offset(tolerance));
    assertThat(MediaTools.decodeErrors(file)).as("ffmpeg decode errors").isEmpty();
  }
}
