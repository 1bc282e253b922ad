package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * @param resolution null means "the source resolution", AWS's default
 */
public record ThumbnailConfiguration(
    String recordingMode, long targetIntervalSeconds, String resolution, List<String> storage) {
  public static final ThumbnailConfiguration DEFAULT =
      new ThumbnailConfiguration("INTERVAL", 60, null, List.of("SEQUENTIAL"));

  public ThumbnailConfiguration {
    requireNonNull(recordingMode, "recordingMode is null");
    storage = List.copyOf(storage);
  }
}
