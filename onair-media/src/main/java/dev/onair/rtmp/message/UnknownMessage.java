package dev.onair.rtmp.message;

import java.util.Arrays;

/**
 * A message whose type we carry but do not interpret (aggregate, shared objects, unassigned ids).
 * Passing it on instead of failing lets the session decide to ignore it.
 */
public record UnknownMessage(int typeId, long timestamp, int streamId, byte[] payload)
    implements RtmpMessage {
  @Override
  public RtmpMessageType type() {
    RtmpMessageType type = RtmpMessageType.fromId(typeId);
    return type == null ? RtmpMessageType.AGGREGATE : type;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnknownMessage that
        && typeId == that.typeId
        && timestamp == that.timestamp
        && streamId == that.streamId
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return typeId * 31 + Long.hashCode(timestamp) + streamId * 17 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "UnknownMessage[typeId=" + typeId + ", bytes=" + payload.length + "]";
  }
}
