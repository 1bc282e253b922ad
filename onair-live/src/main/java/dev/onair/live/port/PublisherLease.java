package dev.onair.live.port;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one-live-publisher-per-channel rule across nodes. A node claims the channel's lease before admitting an
 * encoder, renews it while the broadcast runs and releases it when the broadcast ends. A node that dies stops
 * renewing: its leases expire and any surviving node may claim the channel again ({@link #expired} lists what it
 * has to clean up: end the session, finalise or fail the recording).
 *
 * <p>The database decides every claim, so two encoders connecting to two nodes at once get one admission. The
 * JDBC implementation ({@code JdbcPublisherLease}) lives in onair-storage and serves the embedded store too.
 */
public interface PublisherLease {
  /**
   * Claims the channel for {@code nodeId} until {@code now + ttl}, when it is free or its lease has expired.
   *
   * @return the lease, or empty when another publisher holds a live lease
   */
  Optional<Lease> claim(String channelArn, String nodeId, String sessionId, Instant now, Duration ttl);

  /** @return false when the lease was lost (expired and taken over, or released); the broadcast must stop */
  boolean renew(Lease lease, Instant now, Duration ttl);

  /** Ends the lease if it is still this one's; a lease already taken over is left alone. */
  void release(Lease lease);

  /** The lease in force on the channel, expired or not. */
  Optional<Lease> find(String channelArn);

  /** Leases that expired before {@code now}: their nodes stopped renewing (crashed or cut off). */
  List<Lease> expired(Instant now);

  /** A claim on one channel by one node's broadcast. */
  record Lease(String channelArn, String nodeId, String sessionId, Instant expiresAt) {
    public Lease {
      requireNonNull(channelArn, "channelArn is null");
      requireNonNull(nodeId, "nodeId is null");
      requireNonNull(sessionId, "sessionId is null");
      requireNonNull(expiresAt, "expiresAt is null");
    }

    public boolean live(Instant now) {
      return expiresAt.isAfter(now);
    }
  }
}
