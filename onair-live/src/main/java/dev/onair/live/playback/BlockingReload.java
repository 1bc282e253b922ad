package dev.onair.live.playback;

import dev.onair.hls.segment.SegmentWindow;

/**
 * The LL-HLS blocking-reload request rules of RFC 8216bis §6.2.5.2, as a pure decision so they can be tested as a
 * table: answer now, wait for a media sequence number (and part), or refuse with 400.
 */
public final class BlockingReload {
  /** What to do with a playlist request. */
  public sealed interface Decision {}

  /** No blocking directives (or the stream has ended): answer with the current playlist. */
  public record Immediate() implements Decision {}

  /** Hold the request until the segment ({@code part} &lt; 0) or part exists. */
  public record Await(long msn, int part) implements Decision {}

  /** Answer 400 with this reason. */
  public record BadRequest(String reason) implements Decision {}

  private BlockingReload() {}

  /**
   * @param msnParameter the {@code _HLS_msn} query value, or null
   * @param partParameter the {@code _HLS_part} query value, or null
   * @param lowLatency whether the playlist advertises CAN-BLOCK-RELOAD; other playlists ignore the directives
   */
  public static Decision decide(String msnParameter, String partParameter, boolean lowLatency, SegmentWindow window) {
    if (!lowLatency || (msnParameter == null && partParameter == null)) {
      return new Immediate();
    }
    if (msnParameter == null) {
      return new BadRequest("_HLS_part requires _HLS_msn");
    }
    long msn;
    int part = -1;
    try {
      msn = Long.parseLong(msnParameter);
      if (partParameter != null) {
        part = Integer.parseInt(partParameter);
      }
    } catch (NumberFormatException e) {
      return new BadRequest("_HLS_msn and _HLS_part must be decimal integers");
    }
    if (msn < 0 || (partParameter != null && part < 0)) {
      return new BadRequest("_HLS_msn and _HLS_part must not be negative");
    }
    if (window.ended()) {
      return new Immediate(); // directives are ignored once the playlist has EXT-X-ENDLIST
    }
    if (window.isTooFarAhead(msn, part)) {
      return new BadRequest("_HLS_msn/_HLS_part is too far ahead of the live edge");
    }
    return window.satisfies(msn, part) ? new Immediate() : new Await(msn, part);
  }
}
