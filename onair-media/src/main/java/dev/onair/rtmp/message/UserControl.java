package dev.onair.rtmp.message;

/**
 * Type 4: user control event.
 *
 * @param eventType the 16-bit event id (see the constants)
 * @param value the first 32-bit argument: a stream id, or the ping timestamp
 * @param bufferLength the second argument of SetBufferLength, otherwise 0
 */
public record UserControl(int eventType, long value, long bufferLength) implements RtmpMessage {
  public static final int STREAM_BEGIN = 0;
  public static final int STREAM_EOF = 1;
  public static final int STREAM_DRY = 2;
  public static final int SET_BUFFER_LENGTH = 3;
  public static final int STREAM_IS_RECORDED = 4;
  public static final int PING_REQUEST = 6;
  public static final int PING_RESPONSE = 7;

  public static UserControl streamBegin(int streamId) {
    return new UserControl(STREAM_BEGIN, streamId, 0);
  }

  public static UserControl pingResponse(long timestamp) {
    return new UserControl(PING_RESPONSE, timestamp, 0);
  }

  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.USER_CONTROL;
  }
}
