package dev.onair.iam.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {
  private static final List<String> ITEMS = IntStream.range(0, 25).mapToObj(i -> String.format("u%02d", i)).toList();

  @ParameterizedTest(name = "maxItems={0}")
  @CsvSource({"1, 25", "7, 4", "10, 3", "25, 1", "100, 1"})
  void page_walksEveryItemExactlyOnce(int maxItems, int expectedPages) {
    List<String> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      Paging.Page<String> page = Paging.page(ITEMS, s -> s, marker, maxItems);
      seen.addAll(page.items());
      marker = page.marker();
      pages++;
      assertThat(page.truncated()).isEqualTo(marker != null);
    } while (marker != null);
    assertThat(seen).isEqualTo(ITEMS);
    assertThat(pages).isEqualTo(expectedPages);
  }

  @Test
  void page_markerSurvivesDeletionOfTheLastReturnedItem() {
    Paging.Page<String> first = Paging.page(ITEMS, s -> s, null, 5);
    List<String> fewer = new ArrayList<>(ITEMS);
    fewer.remove("u04");
    Paging.Page<String> second = Paging.page(fewer, s -> s, first.marker(), 5);
    assertThat(second.items()).containsExactly("u05", "u06", "u07", "u08", "u09");
  }

  @Test
  void page_rejectsForeignMarker() {
    assertThatThrownBy(() -> Paging.page(ITEMS, s -> s, "garbage", 5)).hasMessage("Invalid Marker.");
  }
}
