package dev.onair.ivs.validate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Compiled model patterns, cached because every request validates several. */
final class Patterns {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Patterns() {}

  static Pattern compile(String text) {
    return CACHE.computeIfAbsent(text, Pattern::compile);
  }
}
