package dev.onair.rtmp.message;

import java.util.Arrays;

/**
 * Type 8: one FLV audio tag body, header byte(s) included.
 *
 * <p>Equality compares payload contents, because tests and de-duplication care about bytes.
 */
public record AudioData(long timestamp, int streamId, byte[] payload) implements RtmpMessage {
  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.AUDIO;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AudioData that
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
    return "AudioData[timestamp=" + timestamp + ", streamId=" + streamId + ", bytes=" + payload.length + "]";
  }
}
