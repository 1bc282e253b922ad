package dev.onair.live.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.StreamHealth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthRuleTest {
  @ParameterizedTest(name = "media {0} ms in {1} ms, silent {2} ms -> {3}")
  @CsvSource({
      // media advance, wall advance, silence, expected
      "5000, 5000,    30, HEALTHY",   // real time
      "4100, 5000,    30, HEALTHY",   // 82 %: jitter, still fine
      "3900, 5000,    30, STARVING",  // 78 %: encoder falls behind
      "1000, 5000,    30, STARVING",  // far behind
      "6000, 5000,    30, HEALTHY",   // catching up after a stall (burst)
      "0,    1000,   500, HEALTHY",   // too early to judge
      "0,    1000,  2500, STARVING",  // connected, but nothing for 2.5 s
      "5000, 5000,  2001, STARVING",  // stalled just now
      "5000, 5000,  2000, HEALTHY",   // at the silence limit
  })
  void evaluate_comparesIngestWithWallClock(long media, long wall, long silence, StreamHealth expected) {
    assertThat(HealthRule.evaluate(media, wall, silence)).isEqualTo(expected);
  }
}
