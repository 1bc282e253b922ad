package dev.onair.rtmp.message;

/**
 * One complete RTMP message, after chunk reassembly and payload decoding.
 *
 * <p>Control messages live on message stream 0 with timestamp 0, so only the media, data and
 * command records carry those header fields; the defaults below cover the rest.
 */
public sealed interface RtmpMessage
    permits SetChunkSize,
        AbortMessage,
        Acknowledgement,
        UserControl,
        WindowAcknowledgementSize,
        SetPeerBandwidth,
        AudioData,
        VideoData,
        DataMessage,
        CommandMessage,
        UnknownMessage {

  RtmpMessageType type();

  /** The message stream id from the chunk header. */
  default int streamId() {
    return 0;
  }

  /** The 32-bit RTMP timestamp in milliseconds (unsigned, may wrap). */
  default long timestamp() {
    return 0;
  }
}
