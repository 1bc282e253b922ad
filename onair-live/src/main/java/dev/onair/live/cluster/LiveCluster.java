package dev.onair.live.cluster;

import static java.util.Objects.requireNonNull;

import dev.onair.live.port.InMemoryPublisherLease;
import dev.onair.live.port.PublisherLease;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * This node's place in a cluster of data planes sharing one database.
 *
 * @param nodeId unique per process start: a restarted node does not resume its old leases, it lets them expire
 *     and be reaped like any dead node's, so two processes can never both believe they hold one lease
 * @param nodeAddress host:port other nodes use to reach this node's HTTP listener; read when a lease is claimed
 *     (the port may only be known once the listener is bound); may answer null when unknown
 * @param leaseTtl how long a lease outlives its last heartbeat: the bound on noticing a dead node
 * @param internalKey HMAC key of the internal playback route (derived from the shared master key); null turns
 *     forwarding off
 * @param shared whether other processes use the same lease table (PostgreSQL): then a broadcast's changed health
 *     and viewer count are written within a tick and stop requests are polled every tick. The embedded H2 file is
 *     locked by one process, so nobody else reads the rows or sets their stop flag while it runs
 */
public record LiveCluster(String nodeId, Supplier<String> nodeAddress, PublisherLease leases, Duration leaseTtl,
    byte[] internalKey, boolean shared) {
  /** Renewed every third of it (see {@link #renewEvery}): a dead node's leases are reaped within 10 s. */
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);

  public LiveCluster {
    requireNonNull(nodeId, "nodeId is null");
    requireNonNull(nodeAddress, "nodeAddress is null");
    requireNonNull(leases, "leases is null");
    requireNonNull(leaseTtl, "leaseTtl is null");
    internalKey = internalKey == null ? null : internalKey.clone();
  }

  /** A node of a shared database (the safe default: figures and stop requests within a tick). */
  public LiveCluster(String nodeId, Supplier<String> nodeAddress, PublisherLease leases, Duration leaseTtl,
      byte[] internalKey) {
    this(nodeId, nodeAddress, leases, leaseTtl, internalKey, true);
  }

  /** A cluster of one: leases in memory, nothing forwarded. */
  public static LiveCluster single() {
    return new LiveCluster(newNodeId(), () -> null, new InMemoryPublisherLease(), DEFAULT_LEASE_TTL, null, false);
  }

  /**
   * How long a lease goes without being written: a third of the TTL, so two renewals in a row may fail (a
   * database hiccup) before anyone may reap it, while a node that died is still noticed within the TTL.
   */
  public Duration renewEvery() {
    return leaseTtl.dividedBy(3);
  }

  public static String newNodeId() {
    return "node-" + UUID.randomUUID();
  }

  @Override
  public byte[] internalKey() {
    return internalKey == null ? null : internalKey.clone();
  }

  @Override
  public String toString() {
    return "LiveCluster[" + nodeId + ", leaseTtl=" + leaseTtl + ", shared=" + shared + "]";
  }
}
