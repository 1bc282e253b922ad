package dev.onair.live.cluster;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.model.StreamSession;
import dev.onair.live.port.LiveSessionRepository;
import dev.onair.live.port.PublisherLease;
import dev.onair.live.port.PublisherLease.Lease;
import dev.onair.live.port.RecordingRecord;
import dev.onair.live.port.RecordingRepository;
import dev.onair.live.recording.RecordingRecovery;
import dev.onair.live.state.LiveStreamStateService;
import dev.onair.live.state.StreamEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after broadcasts whose node is gone. At start-up it closes every open session and unfinished
 * recording except those of broadcasts another node still renews a lease for; afterwards, on every tick, it
 * reaps expired leases (one surviving node wins each, by a conditional delete) and closes exactly that
 * broadcast's session and recordings, as IVS would: Stream End, Session Ended, and the recording failed with a
 * VOD playlist of what was stored.
 */
public final class OrphanReaper {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);

  private final PublisherLease leases;
  private final LiveSessionRepository sessions;
  private final RecordingRepository recordings;
  private final RecordingRecovery recovery;
  private final Clock clock;
  private Instant nextAbandonedScan = Instant.MIN;

  /**
   * A recording waiting out its reconnect window (at most 300 s) is finalised by its own node's ticker; one still
   * waiting this long after its broadcast ended lost its node and is finalised by whichever node sees it.
   */
  static final Duration ABANDONED_AFTER = Duration.ofSeconds(300 + 60);
  private static final Duration ABANDONED_SCAN_EVERY = Duration.ofSeconds(30);

  /** @param recovery finalises recordings; null when recording is off (no object writer) */
  public OrphanReaper(PublisherLease leases, LiveSessionRepository sessions, RecordingRepository recordings,
      RecordingRecovery recovery, Clock clock) {
    this.leases = requireNonNull(leases, "leases is null");
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.recordings = requireNonNull(recordings, "recordings is null");
    this.recovery = recovery;
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Before this node binds its listeners: it has no broadcasts yet, so only live leases elsewhere are spared. */
  public void recoverAtStart(LiveStreamStateService state) {
    state.endOrphanedSessions(open -> liveElsewhere(open.channelArn(), open.streamId()));
    if (recovery != null) {
      recovery.recover(record -> liveElsewhere(record.channelArn(), record.streamId()));
    }
  }

  /** @return how many expired leases this node reaped */
  public int sweep() {
    Instant now = clock.instant();
    int reaped = 0;
    for (Lease lease : leases.expired(now)) {
      if (!leases.reap(lease, now)) {
        continue;
      }
      reaped++;
      LOG.info("publisher lease of {} (node {}) expired: ending stream {}", lease.channelArn(), lease.nodeId(),
          lease.sessionId());
      failRecordings(lease.channelArn(), lease.sessionId());
      endSession(lease.channelArn(), lease.sessionId());
    }
    finishAbandoned(now);
    return reaped;
  }

  /** Recordings whose node died while they waited for a reconnect: nothing was lost, so RECORDING_ENDED. */
  private void finishAbandoned(Instant now) {
    if (recovery == null || now.isBefore(nextAbandonedScan)) {
      return;
    }
    nextAbandonedScan = now.plus(ABANDONED_SCAN_EVERY);
    for (RecordingRecord record : recordings.unfinished()) {
      if (record.endedAt() != null && now.isAfter(record.endedAt().plus(ABANDONED_AFTER))) {
        recovery.end(record);
      }
    }
  }

  private boolean liveElsewhere(String channelArn, String streamId) {
    return leases.find(channelArn)
        .filter(l -> l.live(clock.instant()) && l.sessionId().equals(streamId))
        .isPresent();
  }

  private void endSession(String channelArn, String streamId) {
    Optional<StreamSession> session = sessions.find(channelArn, streamId);
    if (session.isEmpty() || session.get().endTime() != null) {
      return;
    }
    Instant now = clock.instant();
    sessions.addEvent(channelArn, streamId, StreamEvents.state(StreamEvents.STREAM_END, now), false);
    sessions.addEvent(channelArn, streamId, StreamEvents.state(StreamEvents.SESSION_ENDED, now), false);
    sessions.end(channelArn, streamId, now);
  }

  /**
   * The recording of the reaped broadcast: the one it started, or one it continued within the recording's
   * reconnect window (that row keeps the first broadcast's stream id, but only a live broadcast's recording has
   * no {@code endedAt}, and the channel had no live lease when its lease was reaped; a broadcast that claimed the
   * channel since then is spared by its own live lease).
   */
  private boolean belongsTo(RecordingRecord record, String channelArn, String streamId) {
    if (!record.channelArn().equals(channelArn)) {
      return false;
    }
    return record.streamId().equals(streamId)
        || (record.endedAt() == null && !liveElsewhere(channelArn, record.streamId()));
  }

  private void failRecordings(String channelArn, String streamId) {
    if (recovery == null) {
      return;
    }
    for (RecordingRecord record : recordings.unfinished()) {
      if (belongsTo(record, channelArn, streamId)) {
        recovery.fail(record);
        sessions.addEvent(channelArn, streamId,
            StreamEvents.recording(StreamEvents.RECORDING_END_FAILURE, clock.instant()), true);
      }
    }
  }
}
