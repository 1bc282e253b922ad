package dev.onair.rtmp.message;

/** Type 3: total bytes received so far (unsigned 32-bit, wraps). */
public record Acknowledgement(long sequenceNumber) implements RtmpMessage {
  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.ACKNOWLEDGEMENT;
  }
}
