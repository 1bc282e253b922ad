package dev.onair.rtmp.session;

/**
 * Values the server announces after {@code connect}.
 *
 * @param outChunkSize our outgoing chunk size (ffmpeg's server uses 4096-ish; 128 wastes headers)
 * @param windowAckSize announced in WindowAcknowledgementSize and SetPeerBandwidth
 */
public record SessionConfig(int outChunkSize, long windowAckSize) {
  public static final SessionConfig DEFAULT = new SessionConfig(4096, 2_500_000);

  public SessionConfig {
    if (outChunkSize < 128 || outChunkSize > 0xFFFFFF) {
      throw new IllegalArgumentException("outChunkSize out of range: " + outChunkSize);
    }
    if (windowAckSize < 1) {
      throw new IllegalArgumentException("windowAckSize must be positive");
    }
  }
}
