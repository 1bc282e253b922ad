package dev.onair.ivs.ops;

import dev.onair.ivs.IvsErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * nextToken handling. A token is the sort key (ARN or stream id) of the last item returned, base64url-encoded
 * so that it fits the model's token pattern and is opaque to clients. Keyset paging keeps pages stable when
 * items are added or removed between calls.
 */
final class Paging {
  private static final String VERSION = "1:";

  private Paging() {}

  /** The sort key the next page starts after; null for the first page. */
  static String after(String nextToken) {
    if (nextToken == null || nextToken.isEmpty()) {
      return null;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
      if (!decoded.startsWith(VERSION)) {
        throw invalid();
      }
      return decoded.substring(VERSION.length());
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  static String token(String lastKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((VERSION + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  /** Given up to limit+1 items fetched, the page to return and the token for the next. */
  static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> key) {
    if (fetched.size() <= limit) {
      return new Page<>(List.copyOf(fetched), null);
    }
    List<T> items = new ArrayList<>(fetched.subList(0, limit));
    return new Page<>(items, token(key.apply(items.get(items.size() - 1))));
  }

  /**
   * Paging over a list already in memory in the order it is to be returned (data-plane results such as sessions,
   * newest first); keys must be unique.
   */
  static <T> Page<T> pageInMemory(List<T> ordered, String after, int limit, Function<T, String> key) {
    int start = 0;
    if (after != null) {
      start = -1;
      for (int i = 0; i < ordered.size(); i++) {
        if (key.apply(ordered.get(i)).equals(after)) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) {
        throw invalid();
      }
    }
    return page(ordered.subList(start, Math.min(ordered.size(), start + limit + 1)), limit, key);
  }

  private static RuntimeException invalid() {
    return IvsErrors.validation("The nextToken is not valid");
  }

  record Page<T>(List<T> items, String nextToken) {}
}
