package dev.onair.iam.support;

import dev.onair.iam.IamErrors;
import dev.onair.protocol.tree.StructNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * IAM's Marker/MaxItems paging (iam.md §1.7). A marker is the opaque, encoded sort key of the last item
 * returned, so pages stay correct when items are added or removed between calls (an offset would skip or repeat).
 */
public final class Paging {
  public static final int DEFAULT_MAX_ITEMS = 100;
  private static final String PREFIX = "onair1.";

  private Paging() {}

  /** One page and where the next starts. */
  public record Page<T>(List<T> items, boolean truncated, String marker) {
    public Page {
      items = List.copyOf(items);
    }

    /** Adds IsTruncated and (when truncated) Marker to an output structure. */
    public StructNode.Builder addTo(StructNode.Builder builder) {
      builder.put("IsTruncated", truncated);
      if (truncated) {
        builder.put("Marker", marker);
      }
      return builder;
    }
  }

  public static int maxItems(StructNode input) {
    Integer value = Params.integer(input, "MaxItems");
    Validation.range("MaxItems", value, 1, 1000);
    return value == null ? DEFAULT_MAX_ITEMS : value;
  }

  /**
   * Pages a list already sorted by {@code key}, whose keys are unique.
   *
   * @param marker the client's Marker, or null for the first page
   */
  public static <T> Page<T> page(List<T> sorted, Function<T, String> key, String marker, int maxItems) {
    int start = 0;
    if (marker != null) {
      String after = decode(marker);
      start = sorted.size();
      for (int i = 0; i < sorted.size(); i++) {
        if (key.apply(sorted.get(i)).compareTo(after) > 0) {
          start = i;
          break;
        }
      }
    }
    int end = Math.min(sorted.size(), start + maxItems);
    List<T> items = sorted.subList(start, end);
    boolean truncated = end < sorted.size();
    String next = truncated ? encode(key.apply(sorted.get(end - 1))) : null;
    return new Page<>(items, truncated, next);
  }

  public static <T> Page<T> page(List<T> sorted, Function<T, String> key, StructNode input) {
    String marker = Params.optional(input, "Marker");
    Validation.length("Marker", marker, 1, 320);
    return page(sorted, key, marker, maxItems(input));
  }

  static String encode(String key) {
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String marker) {
    if (!marker.startsWith(PREFIX)) {
      throw IamErrors.validation("Invalid Marker.");
    }
    try {
      return new String(
          Base64.getUrlDecoder().decode(marker.substring(PREFIX.length())), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw IamErrors.validation("Invalid Marker.");
    }
  }
}
