package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One time series: namespace, metric name and its dimensions. CloudWatch treats every distinct dimension set as a
 * separate metric, so the dimensions are part of the identity; they are kept sorted so that the order a client
 * sends them in does not create a second series.
 */
public record MetricKey(String namespace, String metricName, Map<String, String> dimensions) {
  public MetricKey {
    requireNonNull(namespace, "namespace is null");
    requireNonNull(metricName, "metricName is null");
    dimensions = Collections.unmodifiableMap(new TreeMap<>(dimensions == null ? Map.of() : dimensions));
  }

  public static MetricKey of(String namespace, String metricName, Map<String, String> dimensions) {
    return new MetricKey(namespace, metricName, dimensions);
  }

  /**
   * A fixed-length identity for storage indexes: SHA-256 over a length-prefixed encoding, so that no choice of
   * names or values can make two different series collide on a separator.
   */
  public String seriesId() {
    StringBuilder text = new StringBuilder();
    append(text, namespace);
    append(text, metricName);
    dimensions.forEach(
        (name, value) -> {
          append(text, name);
          append(text, value);
        });
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void append(StringBuilder text, String part) {
    text.append(part.length()).append(':').append(part);
  }

  /** Whether this series has every dimension in {@code wanted} (a null value matches any value). */
  public boolean matches(Map<String, String> wanted) {
    if (wanted == null) {
      return true;
    }
    for (Map.Entry<String, String> entry : wanted.entrySet()) {
      String actual = dimensions.get(entry.getKey());
      if (actual == null || (entry.getValue() != null && !entry.getValue().equals(actual))) {
        return false;
      }
    }
    return true;
  }
}
