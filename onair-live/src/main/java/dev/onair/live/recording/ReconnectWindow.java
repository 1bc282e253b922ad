package dev.onair.live.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * IVS's {@code recordingReconnectWindowSeconds} rule (ivs.md §3): a broadcast that starts on the same channel
 * within the window after the previous one ended continues the previous recording (same prefix, playlist with
 * EXT-X-DISCONTINUITY), at most 20 streams and 48 hours per recording. Onair additionally requires the same
 * recording configuration and container format. IVS also compares resolution, frame rate, codecs and bitrate;
 * those are unknown when the publish starts, so Onair does not (a merged broadcast keeps the rendition path).
 */
public final class ReconnectWindow {
  public static final int MAX_MERGED_STREAMS = 20;
  public static final Duration MAX_RECORDING_AGE = Duration.ofHours(48);

  /** Why a new broadcast does or does not join the waiting recording. */
  public enum Decision {
    MERGE, NO_WINDOW, WINDOW_PASSED, OTHER_CONFIGURATION, OTHER_CONTAINER, TOO_MANY_STREAMS, TOO_OLD
  }

  /** What the waiting recording knows about itself. */
  public record Waiting(String configurationArn, String container, int windowSeconds, Instant recordingStartedAt,
      Instant streamEndedAt, int streams) {}

  private ReconnectWindow() {}

  public static Decision decide(Waiting waiting, String configurationArn, String container, Instant now) {
    if (waiting.windowSeconds() <= 0) {
      return Decision.NO_WINDOW;
    }
    if (now.isAfter(waiting.streamEndedAt().plusSeconds(waiting.windowSeconds()))) {
      return Decision.WINDOW_PASSED;
    }
    if (!Objects.equals(waiting.configurationArn(), configurationArn)) {
      return Decision.OTHER_CONFIGURATION;
    }
    if (!Objects.equals(waiting.container(), container)) {
      return Decision.OTHER_CONTAINER;
    }
    if (waiting.streams() >= MAX_MERGED_STREAMS) {
      return Decision.TOO_MANY_STREAMS;
    }
    if (!now.isBefore(waiting.recordingStartedAt().plus(MAX_RECORDING_AGE))) {
      return Decision.TOO_OLD;
    }
    return Decision.MERGE;
  }

  /** Whether the window of a recording waiting since {@code streamEndedAt} has passed (finalise it now). */
  public static boolean elapsed(Waiting waiting, Instant now) {
    return waiting.windowSeconds() <= 0 || now.isAfter(waiting.streamEndedAt().plusSeconds(waiting.windowSeconds()));
  }
}
