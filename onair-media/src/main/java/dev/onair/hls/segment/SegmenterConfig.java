package dev.onair.hls.segment;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LiveSegmenter} cuts and how much it keeps.
 *
 * @param targetSegmentDuration cut at the first keyframe at or after ~90% of this (IVS: ~2 s)
 * @param partTargetDuration LL-HLS part target (PART-TARGET); parts never exceed it
 * @param playlistSegments segments listed in the playlist; keep ≥ 3×target for the live window
 * @param retainedSegments segments kept in memory (≥ playlistSegments) so that a player that
 *     read an older playlist can still fetch what it listed
 * @param maxSegmentDuration force a cut without a keyframe after this long, to bound memory when
 *     an encoder sends no keyframes
 */
public record SegmenterConfig(
    ContainerFormat format,
    Duration targetSegmentDuration,
    Duration partTargetDuration,
    int playlistSegments,
    int retainedSegments,
    Duration maxSegmentDuration) {

  public SegmenterConfig {
    Objects.requireNonNull(format, "format is null");
    Objects.requireNonNull(targetSegmentDuration, "targetSegmentDuration is null");
    Objects.requireNonNull(partTargetDuration, "partTargetDuration is null");
    Objects.requireNonNull(maxSegmentDuration, "maxSegmentDuration is null");
    if (targetSegmentDuration.toMillis() < 100 || partTargetDuration.toMillis() < 50) {
      throw new IllegalArgumentException("durations too short");
    }
    if (partTargetDuration.compareTo(targetSegmentDuration) > 0) {
      throw new IllegalArgumentException("part target longer than segment target");
    }
    if (playlistSegments < 1 || retainedSegments < playlistSegments) {
      throw new IllegalArgumentException("need 1 <= playlistSegments <= retainedSegments");
    }
    if (maxSegmentDuration.compareTo(targetSegmentDuration) < 0) {
      throw new IllegalArgumentException("maxSegmentDuration below target");
    }
  }

  /** 2 s segments, 0.5 s parts, 6 listed (12 s ≥ 3×TD), 10 kept, forced cut at 10 s. */
  public static SegmenterConfig defaults(ContainerFormat format) {
    return new SegmenterConfig(format, Duration.ofSeconds(2), Duration.ofMillis(500), 6, 10, Duration.ofSeconds(10));
  }
}
