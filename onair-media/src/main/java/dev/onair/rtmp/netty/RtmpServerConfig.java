package dev.onair.rtmp.netty;

import dev.onair.rtmp.chunk.ChunkDecoder;
import dev.onair.rtmp.session.SessionConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-connection limits and timings.
 *
 * @param idleTimeout no bytes for this long ends the connection, and with it the publish: a
 *     vanished encoder must not keep a channel LIVE (IVS ends sessions within seconds)
 * @param maxMessageSize largest RTMP message accepted; bigger ones close the connection
 */
public record RtmpServerConfig(Duration idleTimeout, int maxMessageSize, SessionConfig session) {
  public static final RtmpServerConfig DEFAULT =
      new RtmpServerConfig(Duration.ofSeconds(5), ChunkDecoder.DEFAULT_MAX_MESSAGE_SIZE, SessionConfig.DEFAULT);

  public RtmpServerConfig {
    Objects.requireNonNull(idleTimeout, "idleTimeout is null");
    Objects.requireNonNull(session, "session is null");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException("maxMessageSize must be positive");
    }
  }

  public RtmpServerConfig withIdleTimeout(Duration timeout) {
    return new RtmpServerConfig(timeout, maxMessageSize, session);
  }
}
