package dev.onair.hls.segment;

import dev.onair.rtmp.session.StreamInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of a live stream's segments and parts. The segmenter swaps in a new one
 * after every part, so readers on any thread see a consistent view without locks (playlist
 * changes must be atomic, RFC 8216bis §6.2.1).
 *
 * @param segments completed segments still retained, oldest first
 * @param openMsn MSN of the segment being written (or the next one when none is open)
 * @param openParts completed parts of the segment being written
 * @param openStarted whether a segment is being written (its PDT/discontinuity/init are valid)
 * @param inits retained fMP4 init sections, oldest first (empty for TS)
 * @param targetDuration EXT-X-TARGETDURATION; never decreases
 * @param discontinuitiesEvicted discontinuities that left the retained list, for
 *     EXT-X-DISCONTINUITY-SEQUENCE
 * @param ended the publish ended; the playlist gets EXT-X-ENDLIST until media resumes
 */
public record SegmentWindow(
    ContainerFormat format,
    List<Segment> segments,
    long openMsn,
    boolean openStarted,
    List<Part> openParts,
    Instant openProgramDateTime,
    boolean openDiscontinuity,
    int openInitId,
    List<InitSection> inits,
    int targetDuration,
    double partTarget,
    int playlistSegments,
    long discontinuitiesEvicted,
    boolean ended,
    StreamInfo streamInfo) {

  public SegmentWindow {
    segments = List.copyOf(segments);
    openParts = List.copyOf(openParts);
    inits = List.copyOf(inits);
  }

  /** MSN of the newest completed segment, or -1. */
  public long lastCompletedMsn() {
    return segments.isEmpty() ? -1 : segments.get(segments.size() - 1).msn();
  }

  public Optional<Segment> segment(long msn) {
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    long index = msn - segments.get(0).msn();
    return index >= 0 && index < segments.size() ? Optional.of(segments.get((int) index)) : Optional.empty();
  }

  public Optional<Part> part(long msn, int index) {
    if (msn == openMsn && openStarted) {
      return index >= 0 && index < openParts.size() ? Optional.of(openParts.get(index)) : Optional.empty();
    }
    return segment(msn).flatMap(s -> index >= 0 && index < s.parts().size()
        ? Optional.of(s.parts().get(index)) : Optional.empty());
  }

  public Optional<InitSection> init(int id) {
    return inits.stream().filter(i -> i.id() == id).findFirst();
  }

  /** The init section new fragments use, if any. */
  public Optional<InitSection> currentInit() {
    return inits.isEmpty() ? Optional.empty() : Optional.of(inits.get(inits.size() - 1));
  }

  /**
   * Whether a blocking reload for {@code _HLS_msn=msn} (and {@code _HLS_part=part} when ≥ 0) can
   * be answered (RFC 8216bis §6.2.5.2). A part index past the end of segment {@code msn} means
   * part 0 of the next one. After the end every request is answerable.
   */
  public boolean satisfies(long msn, int part) {
    if (ended) {
      return true;
    }
    if (part < 0) {
      return lastCompletedMsn() >= msn;
    }
    if (msn < openMsn) {
      Optional<Segment> segment = segment(msn);
      if (segment.isEmpty() || part < segment.get().parts().size()) {
        return true; // evicted long ago, or the part exists
      }
      return msn + 1 < openMsn || !openParts.isEmpty();
    }
    return msn == openMsn && part < openParts.size();
  }

  /**
   * Whether a blocking request is too far ahead to wait for (answer 400): an MSN more than one
   * past the segment being written, or a part beyond the Advance Part Limit of three part targets.
   */
  public boolean isTooFarAhead(long msn, int part) {
    if (msn > openMsn + 1) {
      return true;
    }
    if (part < 0) {
      return false;
    }
    int advanceLimit = partTarget < 1.0 ? (int) Math.ceil(3 / partTarget) : 3;
    long partsAhead = msn == openMsn + 1
        ? part + 1 + Math.max(0, Math.round(targetDuration / partTarget) - openParts.size())
        : part - openParts.size() + 1;
    return partsAhead > advanceLimit;
  }

  /** Peak bits per second over the retained segments, or 0 when there are none. */
  public long peakBandwidth() {
    long peak = 0;
    for (Segment segment : segments) {
      if (segment.duration() > 0) {
        peak = Math.max(peak, (long) (segment.size() * 8 / segment.duration()));
      }
    }
    return peak;
  }

  /** Average bits per second over the retained segments, or 0 when there are none. */
  public long averageBandwidth() {
    double seconds = 0;
    long bytes = 0;
    for (Segment segment : segments) {
      seconds += segment.duration();
      bytes += segment.size();
    }
    return seconds > 0 ? (long) (bytes * 8 / seconds) : 0;
  }
}
