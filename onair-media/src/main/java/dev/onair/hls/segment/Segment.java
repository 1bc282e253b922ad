package dev.onair.hls.segment;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * A completed media segment. Its bytes are its parts' bytes in order; they are not copied into
 * one array, so memory per segment is paid once and an HTTP layer can write the parts as a
 * gathering write (e.g. Netty {@code Unpooled.wrappedBuffer(byte[]...)}).
 *
 * @param programDateTime wall-clock time of the first frame at ingest
 * @param discontinuity the first segment after a republish or codec change
 * @param initId the fMP4 init section it needs (0 for TS)
 */
public record Segment(
    long msn, double duration, Instant programDateTime, boolean discontinuity, int initId, List<Part> parts) {

  public Segment {
    parts = List.copyOf(parts);
  }

  public int size() {
    int size = 0;
    for (Part part : parts) {
      size += part.data().length;
    }
    return size;
  }

  /** The parts' byte arrays, for zero-copy writes; do not modify them. */
  public byte[][] chunks() {
    byte[][] chunks = new byte[parts.size()][];
    for (int i = 0; i < chunks.length; i++) {
      chunks[i] = parts.get(i).data();
    }
    return chunks;
  }

  public byte[] toByteArray() {
    byte[] out = new byte[size()];
    int offset = 0;
    for (Part part : parts) {
      System.arraycopy(part.data(), 0, out, offset, part.data().length);
      offset += part.data().length;
    }
    return out;
  }

  public void writeTo(OutputStream out) throws IOException {
    for (Part part : parts) {
      out.write(part.data());
    }
  }

  @Override
  public String toString() {
    return "Segment[" + msn + ", " + duration + "s, parts=" + parts.size() + ", disc=" + discontinuity + "]";
  }
}
