package dev.onair.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectListingTest {
  private static final List<String> KEYS = List.of(
      "a.txt", "photos/2006/jan/1.jpg", "photos/2006/feb/2.jpg", "photos/2007/1.jpg", "photos/index.html",
      "videos/a.mp4", "z");

  private static List<String> sorted() {
    List<String> keys = new ArrayList<>(KEYS);
    keys.sort(dev.onair.s3.blob.KeyOrder.INSTANCE);
    return keys;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("", null, 1000, List.of("a.txt", "photos/2006/feb/2.jpg", "photos/2006/jan/1.jpg",
            "photos/2007/1.jpg", "photos/index.html", "videos/a.mp4", "z"), List.of()),
        Arguments.of("", "/", 1000, List.of("a.txt", "z"), List.of("photos/", "videos/")),
        Arguments.of("photos/", "/", 1000, List.of("photos/index.html"), List.of("photos/2006/", "photos/2007/")),
        Arguments.of("photos/2006/", "/", 1000, List.of(), List.of("photos/2006/feb/", "photos/2006/jan/")),
        Arguments.of("photos/2006/", null, 1000, List.of("photos/2006/feb/2.jpg", "photos/2006/jan/1.jpg"),
            List.of()),
        Arguments.of("p", "/", 1000, List.of(), List.of("photos/")),
        Arguments.of("", ".", 1000, List.of("z"), List.of("a.", "photos/2006/feb/2.", "photos/2006/jan/1.",
            "photos/2007/1.", "photos/index.", "videos/a.")),
        Arguments.of("nothing", "/", 1000, List.of(), List.of()),
        Arguments.of("", "/", 0, List.of(), List.of()));
  }

  @ParameterizedTest(name = "prefix={0} delimiter={1} max={2}")
  @MethodSource("cases")
  void page_prefixAndDelimiter(String prefix, String delimiter, int max, List<String> keys, List<String> prefixes) {
    ObjectListing page = ObjectListing.page(sorted(), prefix, delimiter, null, max);
    assertThat(page.keys()).isEqualTo(keys);
    assertThat(page.commonPrefixes()).isEqualTo(prefixes);
    assertThat(page.truncated()).isFalse();
  }

  /** Paging one entry at a time visits every key and common prefix exactly once, in order. */
  @ParameterizedTest(name = "max={0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
  void page_continuationVisitsEachEntryOnce(int max) {
    List<String> seen = new ArrayList<>();
    String marker = null;
    for (int pages = 0; pages < 20; pages++) {
      ObjectListing page = ObjectListing.page(sorted(), "", "/", marker, max);
      assertThat(page.count()).isLessThanOrEqualTo(max);
      seen.addAll(page.keys());
      seen.addAll(page.commonPrefixes());
      if (!page.truncated()) {
        break;
      }
      marker = page.nextMarker();
    }
    assertThat(seen).containsExactlyInAnyOrder("a.txt", "photos/", "videos/", "z");
  }

  @Test
  void page_truncatedOnlyWhenMoreRemain() {
    ObjectListing exact = ObjectListing.page(List.of("a", "b"), "", null, null, 2);
    assertThat(exact.truncated()).isFalse();
    ObjectListing more = ObjectListing.page(List.of("a", "b", "c"), "", null, null, 2);
    assertThat(more.truncated()).isTrue();
    assertThat(more.nextMarker()).isEqualTo("b");
  }

  @Test
  void page_startAfterSkipsEarlierKeys() {
    ObjectListing page = ObjectListing.page(sorted(), "", null, "photos/2007/1.jpg", 1000);
    assertThat(page.keys()).containsExactly("photos/index.html", "videos/a.mp4", "z");
  }

  @Test
  void keyOrder_isUtf8BinaryNotUtf16() {
    // U+FF61 sorts before U+1F600 in UTF-8 (EF BD A1 < F0 9F 98 80) but after it in UTF-16 (FF61 > D83D)
    List<String> keys = new ArrayList<>(List.of("\uD83D\uDE00", "\uFF61", "a"));
    keys.sort(dev.onair.s3.blob.KeyOrder.INSTANCE);
    assertThat(keys).containsExactly("a", "\uFF61", "\uD83D\uDE00");
  }
}
