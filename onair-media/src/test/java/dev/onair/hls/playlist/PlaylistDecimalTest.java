package dev.onair.hls.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Playlist decimals read exactly as {@code String.format("%.3f")} wrote them, ties and float noise included. */
class PlaylistDecimalTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {0.0, -0.0, 0.5, 1.5, 6.0, 2.002, 1.9999999999999998, 0.0005, 1.0005, 2.0015, 0.4995,
      123.4565, 0.033, 1.5 / 3, 2.0 / 3, 1e-9, 99999.9995, -1.0005, Double.NaN, Double.POSITIVE_INFINITY})
  void decimal_matchesFormatter(double value) {
    assertThat(MediaPlaylistWriter.decimal(value)).isEqualTo(String.format(Locale.ROOT, "%.3f", value));
  }

  @ParameterizedTest(name = "{0} ms")
  @ValueSource(longs = {0, 1, 33, 499, 500, 501, 1999, 2000, 2001, 2033, 10_000, 86_400_000})
  void decimal_ofMillisecondDurations_matchesFormatter(long millis) {
    double seconds = millis / 1000.0;
    assertThat(MediaPlaylistWriter.decimal(seconds)).isEqualTo(String.format(Locale.ROOT, "%.3f", seconds));
  }
}
