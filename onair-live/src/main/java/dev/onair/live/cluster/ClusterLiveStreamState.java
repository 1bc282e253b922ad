package dev.onair.live.cluster;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamHealth;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.port.LiveStreamState;
import dev.onair.live.port.PublisherLease;
import dev.onair.live.port.PublisherLease.LeaseState;
import dev.onair.live.state.LiveStreamStateService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The live state as every node of a cluster reports it: broadcasts on this node from memory (fresh to the
 * millisecond), broadcasts on other nodes from their lease rows (health and viewer count as of their last
 * heartbeat, at most a second old). Sessions always come from the shared database. Levers on a broadcast held
 * elsewhere become a stop request in its lease row, which the holder acts on at its next heartbeat.
 */
public final class ClusterLiveStreamState implements LiveStreamState {
  private final LiveStreamStateService local;
  private final PublisherLease leases;
  private final String nodeId;
  private final Clock clock;
  private final MetadataForwarder metadataForwarder;

  /** Delivers PutMetadata to the node at {@code address} (host:port); true only when that node inserted it. */
  @FunctionalInterface
  public interface MetadataForwarder {
    boolean forward(String address, String channelArn, String metadata);
  }

  /** Without forwarding: PutMetadata on a broadcast held elsewhere answers not live. */
  public ClusterLiveStreamState(LiveStreamStateService local, PublisherLease leases, String nodeId, Clock clock) {
    this(local, leases, nodeId, clock, null);
  }

  public ClusterLiveStreamState(LiveStreamStateService local, PublisherLease leases, String nodeId, Clock clock,
      MetadataForwarder metadataForwarder) {
    this.metadataForwarder = metadataForwarder;
    this.local = requireNonNull(local, "local is null");
    this.leases = requireNonNull(leases, "leases is null");
    this.nodeId = requireNonNull(nodeId, "nodeId is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public Optional<LiveStream> liveStream(String channelArn) {
    Optional<LiveStream> here = local.liveStream(channelArn);
    if (here.isPresent()) {
      return here;
    }
    return leases.state(channelArn).filter(this::heldElsewhere).map(ClusterLiveStreamState::toLiveStream);
  }

  @Override
  public List<LiveStream> liveStreams(String accountId, String region) {
    List<LiveStream> streams = new ArrayList<>(local.liveStreams(accountId, region));
    Set<String> seen = new HashSet<>();
    streams.forEach(s -> seen.add(s.channelArn()));
    for (LeaseState state : leases.live(clock.instant())) {
      String arn = state.lease().channelArn();
      if (!seen.contains(arn) && heldElsewhere(state)
          && IvsArn.parse(arn).map(a -> a.belongsTo(accountId, region)).orElse(false)) {
        streams.add(toLiveStream(state));
      }
    }
    return streams;
  }

  @Override
  public List<StreamSession> sessions(String channelArn) {
    return local.sessions(channelArn);
  }

  @Override
  public Optional<StreamSession> session(String channelArn, String streamId) {
    return local.session(channelArn, streamId);
  }

  @Override
  public boolean stopStream(String channelArn) {
    return local.stopStream(channelArn) || leases.requestStop(channelArn, null, clock.instant());
  }

  /**
   * The ID3 frame must enter the holder's segmenter: inserted here when this node holds the broadcast, otherwise
   * forwarded to the holder named by the live lease ({@link InternalMetadata}); true only when the holder took it.
   */
  @Override
  public boolean putMetadata(String channelArn, String metadata) {
    if (local.putMetadata(channelArn, metadata)) {
      return true;
    }
    if (metadataForwarder == null) {
      return false;
    }
    Optional<String> holder = leases.state(channelArn).filter(this::heldElsewhere)
        .map(s -> s.holder().nodeAddress());
    return holder.isPresent() && metadataForwarder.forward(holder.get(), channelArn, metadata);
  }

  @Override
  public void streamKeyDeleted(String channelArn, String streamKeyArn) {
    local.streamKeyDeleted(channelArn, streamKeyArn);
    leases.requestStop(channelArn, streamKeyArn, clock.instant());
  }

  private boolean heldElsewhere(LeaseState state) {
    return state.lease().live(clock.instant()) && !state.lease().nodeId().equals(nodeId);
  }

  private static LiveStream toLiveStream(LeaseState state) {
    Instant start = state.holder().startTime() == null ? state.lease().expiresAt() : state.holder().startTime();
    StreamHealth health = state.health() == null ? StreamHealth.UNKNOWN : StreamHealth.valueOf(state.health());
    return new LiveStream(state.lease().channelArn(), state.lease().sessionId(), start, health,
        state.viewerCount());
  }
}
