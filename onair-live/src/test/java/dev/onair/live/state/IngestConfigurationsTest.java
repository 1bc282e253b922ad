package dev.onair.live.state;

import static org.assertj.core.api.Assertions.assertThat;

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
}
