package dev.onair.hls.segment;

/**
 * Told about every completed segment, e.g. by the S3 recording writer. Runs on the ingest
 * thread right after the segment becomes visible to readers; slow work belongs on an executor.
 */
public interface SegmentListener {
  /** @param init the init section the segment needs (fMP4), or {@code null} for TS */
  void onSegment(Segment segment, InitSection init);

  /** The publish ended; no more segments until media resumes. */
  default void onEnd() {}
}
