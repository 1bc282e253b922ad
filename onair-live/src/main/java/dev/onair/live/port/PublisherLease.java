package dev.onair.live.port;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one-live-publisher-per-channel rule across nodes, and the row through which other nodes see and steer a
 * broadcast. A node claims the channel's lease before admitting an encoder, renews it well within the TTL while
 * the broadcast runs (carrying health and viewer count along) and releases it when the broadcast ends. A node that
 * dies stops renewing: its leases expire and a surviving node {@link #reap reaps} them (ends the session,
 * finalises or fails the recording).
 *
 * <p>The database decides every claim, so two encoders connecting to two nodes at once get one admission. The
 * JDBC implementation ({@code JdbcPublisherLease}) lives in onair-storage and serves the embedded store too.
 */
public interface PublisherLease {
  /** Claims without advertising where the broadcast runs (single node, tests). */
  default Optional<Lease> claim(String channelArn, String nodeId, String sessionId, Instant now, Duration ttl) {
    return claim(channelArn, nodeId, sessionId, Holder.NONE, now, ttl);
  }

  /**
   * Claims the channel for {@code nodeId} until {@code now + ttl}, when it is free or its lease has expired.
   *
   * @param holder where other nodes reach the broadcast, and which key it uses
   * @return the lease, or empty when another publisher holds a live lease
   */
  Optional<Lease> claim(String channelArn, String nodeId, String sessionId, Holder holder, Instant now,
      Duration ttl);

  /** @return false when the lease was lost (expired and taken over, or released); the broadcast must stop */
  boolean renew(Lease lease, Instant now, Duration ttl);

  /**
   * Renews the lease and publishes the broadcast's figures; tells the holder whether another node asked it to stop.
   */
  Renewal heartbeat(Lease lease, Instant now, Duration ttl, String health, long viewerCount);

  /**
   * {@link #heartbeat} for every lease this node holds, as one unit of work: the JDBC implementation runs them as
   * one batched statement in one transaction, so a tick costs one commit however many broadcasts run here. Same
   * outcome per lease as calling {@link #heartbeat} for each.
   *
   * @return the renewal of each beat, in the order given
   */
  default List<Renewal> heartbeatAll(List<Beat> beats, Instant now, Duration ttl) {
    List<Renewal> renewals = new ArrayList<>(beats.size());
    for (Beat beat : beats) {
      renewals.add(heartbeat(beat.lease(), now, ttl, beat.health(), beat.viewerCount()));
    }
    return renewals;
  }

  /**
   * Asks the node holding the channel's live lease to disconnect its publisher (StopStream, key deletion on
   * another node). The holder sees it at its next heartbeat.
   *
   * @param streamKeyArn only a broadcast using this key is stopped; null for any
   * @return false when no live lease matched
   */
  boolean requestStop(String channelArn, String streamKeyArn, Instant now);

  /**
   * The leases of {@code nodeId} whose stop flag another node set ({@link #requestStop}): a read, for a holder
   * that polls for stops between the heartbeats that write its row.
   */
  List<Lease> stopRequested(String nodeId);

  /** Ends the lease if it is still this one's; a lease already taken over is left alone. */
  void release(Lease lease);

  /** The lease in force on the channel, expired or not. */
  Optional<Lease> find(String channelArn);

  /** The lease row with what its holder advertises, expired or not. */
  Optional<LeaseState> state(String channelArn);

  /** Leases not expired at {@code now}: the broadcasts live somewhere in the cluster. */
  List<LeaseState> live(Instant now);

  /** Leases that expired before {@code now}: their nodes stopped renewing (crashed or cut off). */
  List<Lease> expired(Instant now);

  /**
   * Removes an expired lease so that exactly one surviving node cleans up after it.
   *
   * @return true for the one caller that removed it; false when it was renewed, taken over or already reaped
   */
  boolean reap(Lease lease, Instant now);

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

  /**
   * What the holder advertises at claim time.
   *
   * @param nodeAddress host:port of the holder's HTTP listener, for the internal playback route; null when unknown
   * @param streamKeyArn the key the encoder used, so key deletion on another node stops the right broadcast
   * @param startTime the broadcast's start, as GetStream reports it
   */
  record Holder(String nodeAddress, String streamKeyArn, Instant startTime) {
    public static final Holder NONE = new Holder(null, null, null);
  }

  /** A lease row as other nodes read it. {@code health} is null until the first heartbeat. */
  record LeaseState(Lease lease, Holder holder, String health, long viewerCount, boolean stopRequested) {
    public LeaseState {
      requireNonNull(lease, "lease is null");
      requireNonNull(holder, "holder is null");
    }
  }

  /** One lease's part of {@link #heartbeatAll}: the figures it publishes. */
  record Beat(Lease lease, String health, long viewerCount) {
    public Beat {
      requireNonNull(lease, "lease is null");
    }
  }

  /** The outcome of a heartbeat. */
  enum Renewal {
    RENEWED,
    /** Renewed, and another node asked for the publisher to be disconnected. */
    STOP_REQUESTED,
    /** The lease is gone (reaped after expiry, or taken over): the broadcast must stop. */
    LOST
  }
}
