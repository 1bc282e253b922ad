package dev.onair.rtmp.message;

/** Type 1: the sender's chunk size from now on (applies to the direction it travels in). */
public record SetChunkSize(int chunkSize) implements RtmpMessage {
  public SetChunkSize {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
    }
  }

  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.SET_CHUNK_SIZE;
  }
}
