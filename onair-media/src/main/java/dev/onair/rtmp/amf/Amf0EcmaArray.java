package dev.onair.rtmp.amf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * AMF0 ECMA array (an associative array, used by {@code onMetaData}). Kept as its own type so
 * that an ECMA array written back is not turned into an anonymous object.
 *
 * @param entries the properties in wire order; values may be {@code null} (AMF0 null)
 */
public record Amf0EcmaArray(Map<String, Object> entries) {
  public Amf0EcmaArray {
    Objects.requireNonNull(entries, "entries is null");
    // Map.copyOf rejects null values, which AMF0 allows, and loses order.
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }
}
