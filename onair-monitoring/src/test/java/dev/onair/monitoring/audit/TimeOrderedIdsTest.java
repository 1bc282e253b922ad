package dev.onair.monitoring.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeOrderedIdsTest {
  @ParameterizedTest(name = "{0} before {1}")
  @CsvSource({
    "2026-01-01T00:00:00.000Z, 2026-01-01T00:00:00.001Z",
    "2026-01-01T00:00:00.999Z, 2026-01-01T00:00:01.000Z",
    "2025-12-31T23:59:59.999Z, 2026-11-30T05:00:00.000Z"
  })
  void idsSortByTimeAndAreVersion7Uuids(String earlier, String later) {
    String first = TimeOrderedIds.next(Instant.parse(earlier));
    String second = TimeOrderedIds.next(Instant.parse(later));

    assertThat(first).isLessThan(second);
    for (String id : new String[] {first, second}) {
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(7);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(id).hasSize(36);
    }
  }
}
