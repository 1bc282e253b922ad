package dev.onair.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Opaque NextToken values: a position, tagged with what it pages so a token from one call is refused by another.
 * Positions are offsets or keys, never anything secret.
 */
public final class PageToken {
  private PageToken() {}

  public static String encode(String scope, String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((scope + "|" + position).getBytes(StandardCharsets.UTF_8));
  }

  /** @return the position, or throws the service's invalid-token error from {@code invalid} */
  public static String decode(String scope, String token, Supplier<RuntimeException> invalid) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(scope + "|")) {
        throw invalid.get();
      }
      return text.substring(scope.length() + 1);
    } catch (IllegalArgumentException e) {
      throw invalid.get();
    }
  }

  public static int decodeOffset(String scope, String token, Supplier<RuntimeException> invalid) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(decode(scope, token, invalid));
      if (offset < 0) {
        throw invalid.get();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw invalid.get();
    }
  }
}
