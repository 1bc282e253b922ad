package dev.onair.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestIdsAndDatesTest {
  @Test
  void requestIds_areVersion4IetfUuids_andDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.next();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(id).hasSize(36).isEqualTo(uuid.toString());
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-30T06:41:46Z       | Mon, 30 Nov 2026 06:41:46 GMT",
        "2026-11-30T06:41:46.999Z   | Mon, 30 Nov 2026 06:41:46 GMT",
        "2026-11-30T06:41:47Z       | Mon, 30 Nov 2026 06:41:47 GMT",
        "2024-02-01T00:00:00Z       | Thu, 01 Feb 2024 00:00:00 GMT",
        "2026-11-30T06:41:46.5Z     | Mon, 30 Nov 2026 06:41:46 GMT"
      })
  void httpDates_imfFixdate_reusedWithinASecondOnly(String instant, String expected) {
    assertThat(HttpDates.format(Instant.parse(instant))).isEqualTo(expected);
    assertThat(HttpDates.format(Instant.parse(instant))).isEqualTo(expected);
  }
}
