package dev.onair.hls.playlist;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a media playlist says, as data; {@link MediaPlaylistWriter} renders it. Keeping the
 * model separate lets tests state playlist rules as tables and lets the server rewrite URIs (e.g.
 * append tokens) without touching the segmenter.
 *
 * @param targetDuration EXT-X-TARGETDURATION in whole seconds
 * @param partTarget EXT-X-PART-INF PART-TARGET in seconds, or {@code null} for a non-LL playlist
 * @param serverControl EXT-X-SERVER-CONTROL, or {@code null}
 * @param mapUri initial EXT-X-MAP URI (fMP4), or {@code null} for TS
 * @param trailingParts parts of the segment still being written (LL-HLS), after the last EXTINF
 * @param trailingProgramDateTime PDT of the segment being written, or {@code null}
 * @param trailingDiscontinuity whether the segment being written starts a discontinuity
 * @param preloadHint EXT-X-PRELOAD-HINT for the next part, or {@code null}
 * @param endList whether to write EXT-X-ENDLIST
 */
public record MediaPlaylist(
    int targetDuration,
    long mediaSequence,
    long discontinuitySequence,
    Double partTarget,
    ServerControl serverControl,
    String mapUri,
    List<Segment> segments,
    List<Part> trailingParts,
    Instant trailingProgramDateTime,
    boolean trailingDiscontinuity,
    String trailingMapUri,
    PreloadHint preloadHint,
    boolean endList) {

  public MediaPlaylist {
    segments = List.copyOf(segments);
    trailingParts = List.copyOf(trailingParts);
  }

  /**
   * One media segment.
   *
   * @param mapUri EXT-X-MAP to write before this segment when the init section changes, else null
   * @param programDateTime EXT-X-PROGRAM-DATE-TIME, or {@code null}
   * @param parts EXT-X-PART lines written before the EXTINF (only for recent segments in LL-HLS)
   */
  public record Segment(
      String uri, double duration, Instant programDateTime, boolean discontinuity, String mapUri, List<Part> parts) {
    public Segment {
      Objects.requireNonNull(uri, "uri is null");
      parts = List.copyOf(parts);
    }
  }

  /** One EXT-X-PART. */
  public record Part(String uri, double duration, boolean independent) {
    public Part {
      Objects.requireNonNull(uri, "uri is null");
    }
  }

  /**
   * EXT-X-SERVER-CONTROL.
   *
   * @param partHoldBack seconds, or 0 to omit
   * @param holdBack seconds, or 0 to omit
   */
  public record ServerControl(boolean canBlockReload, double partHoldBack, double holdBack) {}

  /** EXT-X-PRELOAD-HINT; {@code type} is PART or MAP. */
  public record PreloadHint(String type, String uri) {}
}
