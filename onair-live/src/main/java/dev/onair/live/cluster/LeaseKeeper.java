package dev.onair.live.cluster;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.model.LiveStream;
import dev.onair.live.port.PublisherLease;
import dev.onair.live.port.PublisherLease.Beat;
import dev.onair.live.port.PublisherLease.Holder;
import dev.onair.live.port.PublisherLease.Lease;
import dev.onair.live.port.PublisherLease.Renewal;
import dev.onair.live.state.Broadcast;
import dev.onair.live.state.PublisherGate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this node's publisher leases: claims one per admitted broadcast, renews them on every tick with the
 * broadcast's health and viewer count (what other nodes report for GetStream), and disconnects a publisher when
 * another node asked it to stop or the lease was lost.
 */
public final class LeaseKeeper implements PublisherGate {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final LiveCluster cluster;
  private final Clock clock;
  private final Map<String, Lease> held = new ConcurrentHashMap<>();
  private volatile Consumer<String> disconnect = arn -> {};

  public LeaseKeeper(LiveCluster cluster, Clock clock) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Set once the state service exists (it needs this gate first): disconnects the channel's local publisher. */
  public void onStop(Consumer<String> disconnect) {
    this.disconnect = requireNonNull(disconnect, "disconnect is null");
  }

  @Override
  public boolean admit(Broadcast broadcast) {
    Holder holder = new Holder(cluster.nodeAddress().get(), broadcast.streamKeyArn(), broadcast.startTime());
    Optional<Lease> lease = cluster.leases().claim(broadcast.channelArn(), cluster.nodeId(), broadcast.streamId(),
        holder, clock.instant(), cluster.leaseTtl());
    lease.ifPresent(l -> held.put(broadcast.channelArn(), l));
    return lease.isPresent();
  }

  @Override
  public void ended(Broadcast broadcast) {
    Lease lease = held.get(broadcast.channelArn());
    if (lease != null && lease.sessionId().equals(broadcast.streamId())) {
      held.remove(broadcast.channelArn(), lease);
      cluster.leases().release(lease);
    }
  }

  /** Whether this node holds the channel's lease for that stream. */
  public boolean holds(String channelArn, String streamId) {
    Lease lease = held.get(channelArn);
    return lease != null && lease.sessionId().equals(streamId);
  }

  /**
   * Renews every local broadcast's lease with its figures, run by the ticker every second: one {@link
   * PublisherLease#heartbeatAll} (one transaction) for all of them, not one per broadcast.
   */
  public void heartbeat(Collection<Broadcast> broadcasts) {
    long now = clock.millis();
    List<Beat> beats = new ArrayList<>(broadcasts.size());
    for (Broadcast broadcast : broadcasts) {
      Lease lease = held.get(broadcast.channelArn());
      if (lease != null && lease.sessionId().equals(broadcast.streamId())) {
        LiveStream stream = broadcast.liveStream(now);
        beats.add(new Beat(lease, stream.health().name(), stream.viewerCount()));
      }
    }
    if (beats.isEmpty()) {
      return;
    }
    List<Renewal> renewals;
    try {
      renewals = cluster.leases().heartbeatAll(beats, clock.instant(), cluster.leaseTtl());
    } catch (RuntimeException e) {
      // A database hiccup: keep broadcasting; the leases have leaseTtl of slack before anyone may reap them.
      LOG.warn("lease heartbeat of {} broadcasts failed", beats.size(), e);
      return;
    }
    for (int i = 0; i < beats.size(); i++) {
      Lease lease = beats.get(i).lease();
      Renewal renewal = renewals.get(i);
      if (renewal == Renewal.STOP_REQUESTED) {
        LOG.info("StopStream from another node: disconnecting the publisher of {}", lease.channelArn());
        disconnect.accept(lease.channelArn());
      } else if (renewal == Renewal.LOST) {
        // Reaped by another node after missed heartbeats: the session is closed there, this copy must go too.
        LOG.warn("publisher lease of {} (stream {}) lost; disconnecting", lease.channelArn(), lease.sessionId());
        held.remove(lease.channelArn(), lease);
        disconnect.accept(lease.channelArn());
      }
    }
  }

  PublisherLease leases() {
    return cluster.leases();
  }
}
