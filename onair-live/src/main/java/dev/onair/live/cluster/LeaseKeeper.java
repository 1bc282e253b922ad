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
import java.time.Instant;
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
 * Holds this node's publisher leases: claims one per admitted broadcast, keeps them renewed with the broadcast's
 * health and viewer count (what other nodes report for GetStream), and disconnects a publisher when another node
 * asked it to stop or the lease was lost.
 *
 * <p>A lease row is written only when it must be: every {@link LiveCluster#renewEvery} (a third of the TTL) to
 * renew it, and, on a shared database, in the tick in which its health or viewer count changed. A steady stream
 * on the embedded store thus costs one row write every few seconds instead of one a second (each commit rewrites
 * H2 pages, docs/BENCHMARKS.md "Live data plane DB work (session 6)"). On a shared database the stop flag is
 * polled with one read per tick when no write carried it, keeping StopStream from another node within a tick.
 */
public final class LeaseKeeper implements PublisherGate {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final LiveCluster cluster;
  private final Clock clock;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private volatile Consumer<String> disconnect = arn -> {};

  /** A lease with what its row says: written by the ticker only, after admit. */
  private static final class Held {
    final Lease lease;
    volatile Instant renewedAt;
    volatile String health;
    volatile long viewerCount;

    Held(Lease lease, Instant renewedAt) {
      this.lease = lease;
      this.renewedAt = renewedAt;
    }
  }

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
    Instant now = clock.instant();
    Optional<Lease> lease = cluster.leases().claim(broadcast.channelArn(), cluster.nodeId(), broadcast.streamId(),
        holder, now, cluster.leaseTtl());
    lease.ifPresent(l -> held.put(broadcast.channelArn(), new Held(l, now)));
    return lease.isPresent();
  }

  @Override
  public void ended(Broadcast broadcast) {
    Held lease = held.get(broadcast.channelArn());
    if (lease != null && lease.lease.sessionId().equals(broadcast.streamId())) {
      held.remove(broadcast.channelArn(), lease);
      cluster.leases().release(lease.lease);
    }
  }

  /** Whether this node holds the channel's lease for that stream. */
  public boolean holds(String channelArn, String streamId) {
    Held lease = held.get(channelArn);
    return lease != null && lease.lease.sessionId().equals(streamId);
  }

  /**
   * Run by the ticker every second: renews the leases that are due and publishes changed figures, all in one
   * {@link PublisherLease#heartbeatAll} (one transaction); on a shared database, polls the stop flags of the
   * leases it did not write.
   */
  public void heartbeat(Collection<Broadcast> broadcasts) {
    Instant now = clock.instant();
    Instant dueBefore = now.minus(cluster.renewEvery());
    // Once one lease is due, those halfway there are renewed in the same transaction: broadcasts that started a
    // tick apart then share one commit per renewal period instead of one each.
    Instant alongBefore = now.minus(cluster.renewEvery().dividedBy(2));
    boolean anyDue = false;
    List<Held> candidates = new ArrayList<>(broadcasts.size());
    List<Beat> figures = new ArrayList<>(broadcasts.size());
    for (Broadcast broadcast : broadcasts) {
      Held lease = held.get(broadcast.channelArn());
      if (lease != null && lease.lease.sessionId().equals(broadcast.streamId())) {
        LiveStream stream = broadcast.liveStream(now.toEpochMilli());
        candidates.add(lease);
        figures.add(new Beat(lease.lease, stream.health().name(), stream.viewerCount()));
        anyDue |= !lease.renewedAt.isAfter(dueBefore);
      }
    }
    List<Held> written = new ArrayList<>(candidates.size());
    List<Beat> beats = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Held lease = candidates.get(i);
      Beat beat = figures.get(i);
      boolean changed = !beat.health().equals(lease.health) || beat.viewerCount() != lease.viewerCount;
      if ((anyDue && !lease.renewedAt.isAfter(alongBefore)) || (cluster.shared() && changed)) {
        written.add(lease);
        beats.add(beat);
      }
    }
    if (!beats.isEmpty()) {
      write(written, beats, now);
    }
    if (cluster.shared() && beats.size() < candidates.size()) {
      pollStops();
    }
  }

  private void write(List<Held> written, List<Beat> beats, Instant now) {
    List<Renewal> renewals;
    try {
      renewals = cluster.leases().heartbeatAll(beats, now, cluster.leaseTtl());
    } catch (RuntimeException e) {
      // A database hiccup: keep broadcasting and retry next tick; a lease renewed every third of its TTL has two
      // thirds of it left before anyone may reap it.
      LOG.warn("lease heartbeat of {} broadcasts failed", beats.size(), e);
      return;
    }
    for (int i = 0; i < beats.size(); i++) {
      Held lease = written.get(i);
      Renewal renewal = renewals.get(i);
      if (renewal == Renewal.RENEWED) {
        lease.renewedAt = now;
        lease.health = beats.get(i).health();
        lease.viewerCount = beats.get(i).viewerCount();
      } else if (renewal == Renewal.STOP_REQUESTED) {
        // Renewed; the flag kept the figures from being written, which no longer matters: the publisher goes.
        lease.renewedAt = now;
        stopRequested(lease.lease);
      } else if (held.remove(lease.lease.channelArn(), lease)) {
        // Reaped by another node after missed heartbeats: the session is closed there, this copy must go too.
        // (Not when the broadcast ended while this write was in flight: ended() released the row itself, and the
        // channel's publisher may already be a new one, which must stay.)
        LOG.warn("publisher lease of {} (stream {}) lost; disconnecting", lease.lease.channelArn(),
            lease.lease.sessionId());
        disconnect.accept(lease.lease.channelArn());
      }
    }
  }

  private void pollStops() {
    List<Lease> stops;
    try {
      stops = cluster.leases().stopRequested(cluster.nodeId());
    } catch (RuntimeException e) {
      LOG.warn("polling stop requests failed", e);
      return;
    }
    for (Lease stop : stops) {
      Held lease = held.get(stop.channelArn());
      if (lease != null && lease.lease.sessionId().equals(stop.sessionId())) {
        stopRequested(lease.lease);
      }
    }
  }

  private void stopRequested(Lease lease) {
    LOG.info("StopStream from another node: disconnecting the publisher of {}", lease.channelArn());
    disconnect.accept(lease.channelArn());
  }

  PublisherLease leases() {
    return cluster.leases();
  }
}
