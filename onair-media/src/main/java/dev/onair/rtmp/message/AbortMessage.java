package dev.onair.rtmp.message;

/** Type 2: discard the partially received message on a chunk stream. */
public record AbortMessage(int chunkStreamId) implements RtmpMessage {
  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.ABORT;
  }
}
