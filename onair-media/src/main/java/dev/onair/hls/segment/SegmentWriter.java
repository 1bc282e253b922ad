package dev.onair.hls.segment;

/**
 * Container-specific part production. The segmenter decides where cuts go; a writer only turns
 * frames into bytes. Timestamps are milliseconds on the segmenter's continuous output timeline.
 */
interface SegmentWriter {
  /** The fMP4 init section for the current configs, or {@code null} for TS. */
  byte[] initSection();

  /** A segment starts with the next part (TS writes PAT/PMT here). */
  void beginSegment();

  void video(long dtsMillis, int ctsMillis, boolean keyframe, byte[] avcc);

  void audio(long dtsMillis, byte[] aacFrame);

  /** A timed-metadata ID3 tag presented at {@code ptsMillis}; it travels in the current part. */
  void metadata(long ptsMillis, byte[] id3Tag);

  /**
   * Closes the current part and returns its bytes.
   *
   * @param endMillis where the part ends: the DTS of the frame that starts the next part
   */
  byte[] flushPart(long endMillis);
}
