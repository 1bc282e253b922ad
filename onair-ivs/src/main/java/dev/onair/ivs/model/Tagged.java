package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;

/**
 * A resource with its tags, read together: Get operations authorize on the tags and return both. The tags keep the
 * store's order (by key), which the output shows.
 */
public record Tagged<T>(T resource, Map<String, String> tags) {
  public Tagged {
    requireNonNull(resource, "resource is null");
    tags = Collections.unmodifiableMap(requireNonNull(tags, "tags is null"));
  }
}
