package dev.onair.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * S3's listing rules, independent of storage: prefix, delimiter roll-up into common prefixes, a marker to start
 * after, and max-keys counting keys and common prefixes alike.
 *
 * @param keys the object keys of this page
 * @param commonPrefixes the rolled-up prefixes of this page, each ending in the delimiter
 * @param truncated whether more entries follow
 * @param nextMarker where the next page starts (the last key or common prefix returned); null when not truncated
 */
public record ObjectListing(List<String> keys, List<String> commonPrefixes, boolean truncated, String nextMarker) {
  public ObjectListing {
    keys = List.copyOf(keys);
    commonPrefixes = List.copyOf(commonPrefixes);
  }

  public int count() {
    return keys.size() + commonPrefixes.size();
  }

  /**
   * @param sortedKeys every key starting with {@code prefix}, in S3 order
   * @param marker list only entries after this key or common prefix; null or empty for the start
   */
  public static ObjectListing page(
      List<String> sortedKeys, String prefix, String delimiter, String marker, int maxKeys) {
    if (maxKeys <= 0) {
      return new ObjectListing(List.of(), List.of(), false, null);
    }
    String effectivePrefix = prefix == null ? "" : prefix;
    boolean rollUp = delimiter != null && !delimiter.isEmpty();
    List<String> keys = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    // starting from the marker means a page that ended on a common prefix skips that prefix's keys too
    String lastPrefix = marker;
    String last = null;
    for (String key : sortedKeys) {
      if (!key.startsWith(effectivePrefix)) {
        continue;
      }
      if (marker != null && !marker.isEmpty() && dev.onair.s3.blob.KeyOrder.INSTANCE.compare(key, marker) <= 0) {
        continue;
      }
      String rolled = rollUp ? commonPrefix(key, effectivePrefix, delimiter) : null;
      if (rolled != null && rolled.equals(lastPrefix)) {
        continue;
      }
      if (keys.size() + prefixes.size() >= maxKeys) {
        return new ObjectListing(keys, prefixes, true, last);
      }
      if (rolled != null) {
        prefixes.add(rolled);
        lastPrefix = rolled;
        last = rolled;
      } else {
        keys.add(key);
        last = key;
      }
    }
    return new ObjectListing(keys, prefixes, false, null);
  }

  /** The key's prefix up to and including the first delimiter after {@code prefix}, or null if there is none. */
  static String commonPrefix(String key, String prefix, String delimiter) {
    int at = key.indexOf(delimiter, prefix.length());
    return at < 0 ? null : key.substring(0, at + delimiter.length());
  }
}
