package dev.onair.rtmp.chunk;

import java.util.Arrays;

/** What the decoder remembers about one chunk stream between chunks (RTMP 1.0 §5.3.1.2). */
final class ChunkStreamState {
  /** The raw 3-byte timestamp field; 0xFFFFFF means an extended timestamp accompanies chunks. */
  int timestampField;
  /** The last 4-byte extended value read on this stream, used to recognise its repetition. */
  long extendedValue;
  long timestamp;
  long delta;
  int length;
  int typeId;
  int streamId;

  /** Bytes of the message being assembled; {@code null} when no message is in progress. */
  byte[] partial;
  int received;

  boolean inProgress() {
    return partial != null;
  }

  void startMessage(int capacity) {
    partial = new byte[capacity];
    received = 0;
  }

  /** Grows geometrically up to the declared length, so memory tracks bytes actually received. */
  void append(java.nio.ByteBuffer in, int count) {
    if (received + count > partial.length) {
      int target = Math.max(received + count, (int) Math.min((long) partial.length * 2, length));
      partial = Arrays.copyOf(partial, target);
    }
    in.get(partial, received, count);
    received += count;
  }

  void reset() {
    partial = null;
    received = 0;
  }
}
