package dev.onair.hls.segment;

/**
 * An LL-HLS partial segment; concatenating a segment's parts gives the segment.
 *
 * @param msn media sequence number of the parent segment
 * @param index position within the parent, from 0
 * @param duration seconds
 * @param independent starts with a keyframe (INDEPENDENT=YES)
 * @param data the bytes; never modified after construction, callers must not modify either
 */
public record Part(long msn, int index, double duration, boolean independent, byte[] data) {
  @Override
  public String toString() {
    return "Part[" + msn + "." + index + ", " + duration + "s, " + data.length + " bytes]";
  }
}
