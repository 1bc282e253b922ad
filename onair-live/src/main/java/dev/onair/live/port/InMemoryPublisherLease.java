package dev.onair.live.port;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leases in memory, with the same rules as the JDBC implementation: for tests and for a data plane started
 * without a cluster. Synchronized as a whole: each method is what one SQL statement is in the database.
 */
public final class InMemoryPublisherLease implements PublisherLease {
  private final Map<String, LeaseState> rows = new HashMap<>();

  @Override
  public synchronized Optional<Lease> claim(String channelArn, String nodeId, String sessionId, Holder holder,
      Instant now, Duration ttl) {
    LeaseState current = rows.get(channelArn);
    if (current != null && current.lease().live(now)) {
      return Optional.empty();
    }
    Lease lease = new Lease(channelArn, nodeId, sessionId, now.plus(ttl));
    rows.put(channelArn, new LeaseState(lease, holder, null, 0, false));
    return Optional.of(lease);
  }

  @Override
  public synchronized boolean renew(Lease lease, Instant now, Duration ttl) {
    LeaseState current = mine(lease);
    if (current == null) {
      return false;
    }
    rows.put(lease.channelArn(), new LeaseState(withExpiry(current.lease(), now.plus(ttl)), current.holder(),
        current.health(), current.viewerCount(), current.stopRequested()));
    return true;
  }

  @Override
  public synchronized Renewal heartbeat(Lease lease, Instant now, Duration ttl, String health, long viewerCount) {
    LeaseState current = mine(lease);
    if (current == null) {
      return Renewal.LOST;
    }
    if (current.stopRequested()) {
      renew(lease, now, ttl);
      return Renewal.STOP_REQUESTED;
    }
    rows.put(lease.channelArn(), new LeaseState(withExpiry(current.lease(), now.plus(ttl)), current.holder(),
        health, viewerCount, false));
    return Renewal.RENEWED;
  }

  @Override
  public synchronized boolean requestStop(String channelArn, String streamKeyArn, Instant now) {
    LeaseState current = rows.get(channelArn);
    if (current == null || !current.lease().live(now)
        || (streamKeyArn != null && !streamKeyArn.equals(current.holder().streamKeyArn()))) {
      return false;
    }
    rows.put(channelArn, new LeaseState(current.lease(), current.holder(), current.health(), current.viewerCount(),
        true));
    return true;
  }

  @Override
  public synchronized List<Lease> stopRequested(String nodeId) {
    return rows.values().stream().filter(s -> s.stopRequested() && s.lease().nodeId().equals(nodeId))
        .map(LeaseState::lease).sorted(Comparator.comparing(Lease::channelArn)).toList();
  }

  @Override
  public synchronized void release(Lease lease) {
    if (mine(lease) != null) {
      rows.remove(lease.channelArn());
    }
  }

  @Override
  public synchronized Optional<Lease> find(String channelArn) {
    return state(channelArn).map(LeaseState::lease);
  }

  @Override
  public synchronized Optional<LeaseState> state(String channelArn) {
    return Optional.ofNullable(rows.get(channelArn));
  }

  @Override
  public synchronized List<LeaseState> live(Instant now) {
    List<LeaseState> live = new ArrayList<>();
    rows.values().stream().filter(s -> s.lease().live(now))
        .sorted(Comparator.comparing(s -> s.lease().channelArn())).forEach(live::add);
    return live;
  }

  @Override
  public synchronized List<Lease> expired(Instant now) {
    return rows.values().stream().map(LeaseState::lease).filter(l -> !l.live(now))
        .sorted(Comparator.comparing(Lease::expiresAt)).toList();
  }

  @Override
  public synchronized boolean reap(Lease lease, Instant now) {
    LeaseState current = mine(lease);
    if (current == null || current.lease().live(now)) {
      return false;
    }
    rows.remove(lease.channelArn());
    return true;
  }

  private LeaseState mine(Lease lease) {
    LeaseState current = rows.get(lease.channelArn());
    return current != null && current.lease().nodeId().equals(lease.nodeId())
        && current.lease().sessionId().equals(lease.sessionId()) ? current : null;
  }

  private static Lease withExpiry(Lease lease, Instant expiresAt) {
    return new Lease(lease.channelArn(), lease.nodeId(), lease.sessionId(), expiresAt);
  }
}
