package dev.onair.rtmp.message;

import java.util.Arrays;

/**
 * A reassembled message before payload decoding: what the chunk layer produces and consumes.
 *
 * @param chunkStreamId the chunk stream it travelled on (informational; never route by it)
 * @param typeId the message type id, including ids RTMP does not define
 * @param timestamp absolute 32-bit timestamp in milliseconds (unsigned)
 * @param streamId the message stream id
 */
public record RawMessage(int chunkStreamId, int typeId, long timestamp, int streamId, byte[] payload) {
  @Override
  public boolean equals(Object other) {
    return other instanceof RawMessage that
        && chunkStreamId == that.chunkStreamId
        && typeId == that.typeId
        && timestamp == that.timestamp
        && streamId == that.streamId
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    int hash = ((chunkStreamId * 31 + typeId) * 31 + Long.hashCode(timestamp)) * 31 + streamId;
    return hash * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "RawMessage[csid=" + chunkStreamId + ", type=" + typeId + ", ts=" + timestamp
        + ", stream=" + streamId + ", bytes=" + payload.length + "]";
  }
}
