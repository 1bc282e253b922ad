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
 * @param readBatch how much of its own media a publishing connection's reads wait for ({@link ReadBatching}); zero
 *     reads every arrival
 * @param stallCheck how often a batching connection checks that its reads have not stalled behind the mark (no read
 *     for 2 × readBatch puts it back to 1 byte); zero never checks
 */
public record RtmpServerConfig(Duration idleTimeout, int maxMessageSize, SessionConfig session, Duration readBatch,
    Duration stallCheck) {
  /**
   * 50 ms read batching with a 100 ms stall check unless {@code -Donair.rtmp.readBatchMillis} or {@code
   * -Donair.rtmp.stallCheckMillis} say otherwise (0 turns either off; A/B runs).
   */
  public static final RtmpServerConfig DEFAULT = new RtmpServerConfig(Duration.ofSeconds(5),
      ChunkDecoder.DEFAULT_MAX_MESSAGE_SIZE, SessionConfig.DEFAULT,
      Duration.ofMillis(Long.getLong("onair.rtmp.readBatchMillis", 50)),
      Duration.ofMillis(Long.getLong("onair.rtmp.stallCheckMillis", 100)));

  public RtmpServerConfig {
    Objects.requireNonNull(idleTimeout, "idleTimeout is null");
    Objects.requireNonNull(session, "session is null");
    Objects.requireNonNull(readBatch, "readBatch is null");
    Objects.requireNonNull(stallCheck, "stallCheck is null");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException("maxMessageSize must be positive");
    }
  }

  public RtmpServerConfig withIdleTimeout(Duration timeout) {
    return new RtmpServerConfig(timeout, maxMessageSize, session, readBatch, stallCheck);
  }
}
