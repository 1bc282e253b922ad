package dev.onair.hls.mux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Big-endian writer for ISO-BMFF boxes; sizes are patched when a box is closed. */
final class BoxWriter {
  private byte[] buffer;
  private int size;

  BoxWriter(int capacity) {
    buffer = new byte[Math.max(64, capacity)];
  }

  int size() {
    return size;
  }

  /** Opens a box and returns its start offset for {@link #end}. */
  int start(String type) {
    int offset = size;
    u32(0);
    fourCc(type);
    return offset;
  }

  int startFull(String type, int version, int flags) {
    int offset = start(type);
    u32((version << 24) | flags);
    return offset;
  }

  void end(int offset) {
    patch32(offset, size - offset);
  }

  void u8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  void u16(int value) {
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  void u24(int value) {
    u8(value >>> 16);
    u16(value);
  }

  void u32(long value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  void u64(long value) {
    u32(value >>> 32);
    u32(value);
  }

  void zeros(int count) {
    ensure(count);
    Arrays.fill(buffer, size, size + count, (byte) 0);
    size += count;
  }

  void fourCc(String type) {
    bytes(type.getBytes(StandardCharsets.US_ASCII));
  }

  void bytes(byte[] data) {
    ensure(data.length);
    System.arraycopy(data, 0, buffer, size, data.length);
    size += data.length;
  }

  void patch32(int offset, long value) {
    buffer[offset] = (byte) (value >>> 24);
    buffer[offset + 1] = (byte) (value >>> 16);
    buffer[offset + 2] = (byte) (value >>> 8);
    buffer[offset + 3] = (byte) value;
  }

  byte[] toByteArray() {
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
