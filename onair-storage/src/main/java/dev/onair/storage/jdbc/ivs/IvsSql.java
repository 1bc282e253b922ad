package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.IvsArn;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Helpers the IVS repositories share: list encoding, ARN scope, keyset paging SQL. */
final class IvsSql {
  private IvsSql() {}

  /** Percent-encodes each item so that a comma inside an origin cannot split it. */
  static String joinList(List<String> values) {
    List<String> encoded = new ArrayList<>();
    for (String value : values) {
      encoded.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return String.join(",", encoded);
  }

  static List<String> splitList(String text) {
    List<String> values = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return values;
    }
    for (String part : text.split(",", -1)) {
      values.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
    }
    return values;
  }

  static IvsArn scope(String arn) {
    return IvsArn.parse(arn).orElseThrow(() -> new IllegalArgumentException("not an IVS ARN: " + arn));
  }

  /**
   * Appends the keyset condition and ordering. Built as text rather than "? is null or arn > ?" because
   * PostgreSQL cannot infer the type of a parameter that is only compared with null.
   */
  static String page(String sql, String afterArn) {
    return sql + (afterArn == null ? "" : " and arn > ?") + " order by arn limit ?";
  }

  static Object[] params(List<Object> leading, String afterArn, int limit) {
    List<Object> params = new ArrayList<>(leading);
    if (afterArn != null) {
      params.add(afterArn);
    }
    params.add(limit);
    return params.toArray();
  }
}
