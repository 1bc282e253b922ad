package dev.onair.protocol.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Header fields in wire order. Names compare case-insensitively, as HTTP requires; repeats are kept because SigV4
 * canonicalisation joins repeated headers and must see each occurrence.
 */
public record HttpHeaders(List<Map.Entry<String, String>> entries) {
  public static final HttpHeaders EMPTY = new HttpHeaders(List.of());

  public HttpHeaders {
    requireNonNull(entries, "entries is null");
    entries = List.copyOf(entries);
  }

  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    List<Map.Entry<String, String>> list = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      list.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return new HttpHeaders(list);
  }

  /** The first value of the named header, if present. */
  public Optional<String> first(String name) {
    for (Map.Entry<String, String> entry : entries) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The first value of the named header, or null. */
  public String get(String name) {
    return first(name).orElse(null);
  }

  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> entry : entries) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        values.add(entry.getValue());
      }
    }
    return values;
  }

  public boolean contains(String name) {
    return first(name).isPresent();
  }

  public HttpHeaders with(String name, String value) {
    List<Map.Entry<String, String>> list = new ArrayList<>(entries);
    list.add(Map.entry(name, value));
    return new HttpHeaders(list);
  }

  /** Replaces every occurrence of the header. */
  public HttpHeaders replacing(String name, String value) {
    List<Map.Entry<String, String>> list = new ArrayList<>();
    String lower = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> entry : entries) {
      if (!entry.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
        list.add(entry);
      }
    }
    list.add(Map.entry(name, value));
    return new HttpHeaders(list);
  }

  /** Header values may carry secrets (Authorization, session tokens), so only names are printed. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> entry : entries) {
      names.add(entry.getKey());
    }
    return "HttpHeaders" + names;
  }
}
