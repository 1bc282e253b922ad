package dev.onair.rtmp.message;

/** Type 5: how many bytes the peer may receive before it must acknowledge. */
public record WindowAcknowledgementSize(long windowSize) implements RtmpMessage {
  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.WINDOW_ACKNOWLEDGEMENT_SIZE;
  }
}
