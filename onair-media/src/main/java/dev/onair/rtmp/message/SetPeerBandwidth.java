package dev.onair.rtmp.message;

/**
 * Type 6: limit the peer's output bandwidth.
 *
 * @param windowSize the acknowledgement window in bytes
 * @param limitType 0 hard, 1 soft, 2 dynamic
 */
public record SetPeerBandwidth(long windowSize, int limitType) implements RtmpMessage {
  public static final int HARD = 0;
  public static final int SOFT = 1;
  public static final int DYNAMIC = 2;

  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.SET_PEER_BANDWIDTH;
  }
}
