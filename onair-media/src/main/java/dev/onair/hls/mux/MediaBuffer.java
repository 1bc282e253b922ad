package dev.onair.hls.mux;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A {@link ByteArrayOutputStream} for one thread, as every muxer buffer is: the same bytes and growth, without the
 * monitor {@code ByteArrayOutputStream} takes on every call (a TS packet is one call: ~70 a video frame), and with
 * room that a muxer can fill in place ({@link #reserve}) instead of composing elsewhere and copying.
 */
public final class MediaBuffer extends ByteArrayOutputStream {
  public MediaBuffer(int initialCapacity) {
    super(initialCapacity);
  }

  /** The backing array; valid up to {@link #size()} until the next write. */
  public byte[] array() {
    return buf;
  }

  /** Appends {@code length} bytes of unspecified content and returns where they start in {@link #array()}. */
  public int reserve(int length) {
    int start = count;
    ensure(start + length);
    count = start + length;
    return start;
  }

  @Override
  public void write(int b) {
    ensure(count + 1);
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (off < 0 || len < 0 || len > b.length - off) {
      throw new IndexOutOfBoundsException();
    }
    ensure(count + len);
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  @Override
  public void writeBytes(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void reset() {
    count = 0;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, count);
  }

  private void ensure(int capacity) {
    if (capacity > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
    }
  }
}
