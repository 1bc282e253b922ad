package dev.onair.rtmp.message;

import java.util.Arrays;

/**
 * Type 9: one FLV video tag body, header byte(s) included.
 *
 * <p>Equality compares payload contents, because tests and de-duplication care about bytes.
 */
public record VideoData(long timestamp, int streamId, byte[] payload) implements RtmpMessage {
  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.VIDEO;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VideoData that
        && timestamp == that.timestamp
        && streamId == that.streamId
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(timestamp) * 31 + streamId * 17 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "VideoData[timestamp=" + timestamp + ", streamId=" + streamId + ", bytes=" + payload.length + "]";
  }
}
