package dev.onair.live.recording;

import dev.onair.ivs.model.ThumbnailConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a recording configuration's {@code thumbnailConfiguration} asks for, reduced to what the recorder does:
 * whether to take thumbnails at all (recordingMode INTERVAL), how often, where to store them and how tall they
 * may be.
 *
 * <p>Keys (relative to the recording prefix): SEQUENTIAL writes {@code media/thumbnails/thumb<N>.jpg} (N from 0,
 * one per interval; IVS's exact file naming is unverified, ivs.md §3), LATEST overwrites
 * {@code media/latest_thumbnail/thumb.jpg} (the path IVS documents in recording-ended.json). Both may be set.
 *
 * @param maxHeight null keeps the source resolution (AWS's default); else thumbnails are scaled down to it
 */
public record ThumbnailPlan(boolean enabled, long intervalMillis, boolean sequential, boolean latest,
    Integer maxHeight) {
  public static final String THUMBNAILS_PATH = "media/thumbnails";
  public static final String LATEST_PATH = "media/latest_thumbnail/thumb.jpg";
  public static final ThumbnailPlan DISABLED = new ThumbnailPlan(false, 0, false, false, null);

  public static ThumbnailPlan of(ThumbnailConfiguration configuration) {
    if (configuration == null) {
      configuration = ThumbnailConfiguration.DEFAULT;
    }
    if (!"INTERVAL".equals(configuration.recordingMode())) {
      return DISABLED;
    }
    long seconds = configuration.targetIntervalSeconds() <= 0 ? 60 : Math.min(60, configuration.targetIntervalSeconds());
    List<String> storage = configuration.storage().isEmpty() ? List.of("SEQUENTIAL") : configuration.storage();
    boolean sequential = storage.contains("SEQUENTIAL");
    boolean latest = storage.contains("LATEST");
    return new ThumbnailPlan(sequential || latest, seconds * 1000, sequential, latest,
        maxHeight(configuration.resolution()));
  }

  /** IVS's resolution buckets (ivs.md §3): LOWEST_RESOLUTION ≤ 360 < SD ≤ 480 < HD ≤ 720 < FULL_HD ≤ 1080. */
  static Integer maxHeight(String resolution) {
    if (resolution == null) {
      return null;
    }
    return switch (resolution) {
      case "LOWEST_RESOLUTION" -> 360;
      case "SD" -> 480;
      case "HD" -> 720;
      case "FULL_HD" -> 1080;
      default -> null;
    };
  }

  /** The object keys one thumbnail is written to; {@code index} counts this recording's thumbnails from 0. */
  public List<String> keys(String prefix, long index) {
    List<String> keys = new ArrayList<>(2);
    if (sequential) {
      keys.add(prefix + "/" + THUMBNAILS_PATH + "/thumb" + index + ".jpg");
    }
    if (latest) {
      keys.add(prefix + "/" + LATEST_PATH);
    }
    return keys;
  }

  /** Whether a keyframe at {@code nowMillis} should become a thumbnail, the last one taken at {@code lastMillis}. */
  public boolean due(long lastMillis, long nowMillis) {
    return enabled && (lastMillis == Long.MIN_VALUE || nowMillis - lastMillis >= intervalMillis);
  }

  /** The thumbnail's height for a source of {@code height} lines (never scaled up). */
  public int height(int height) {
    return maxHeight == null || height <= maxHeight ? height : maxHeight;
  }

  /** The thumbnail's width for a source of {@code width}×{@code height}, even as ffmpeg's {@code scale=-2} makes it. */
  public int width(int width, int height) {
    if (maxHeight == null || height <= maxHeight || height == 0) {
      return width;
    }
    long scaled = Math.round((double) width * maxHeight / height);
    return (int) (scaled - (scaled % 2));
  }
}
