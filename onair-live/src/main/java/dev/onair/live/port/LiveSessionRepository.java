package dev.onair.live.port;

import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.model.VideoConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stream sessions and their events, kept after the broadcast ends so that GetStreamSession and ListStreamSessions
 * answer for past broadcasts and across restarts. The JDBC implementation lives in onair-storage.
 */
public interface LiveSessionRepository {
  /** At most this many events are returned per session, newest first (AWS's truncatedEvents limit). */
  int MAX_EVENTS = 500;

  void create(String channelArn, String streamId, Instant startTime);

  /** Replaces the session's ingest configuration (track 0); either may be null when that track is absent. */
  void updateIngest(String channelArn, String streamId, VideoConfiguration video, AudioConfiguration audio);

  /** @param error whether the event marks a failure (sets the session's hasErrorEvent) */
  void addEvent(String channelArn, String streamId, StreamEvent event, boolean error);

  void end(String channelArn, String streamId, Instant endTime);

  /** The channel's sessions, newest first, each with its newest {@link #MAX_EVENTS} events. */
  List<StreamSession> sessions(String channelArn);

  Optional<StreamSession> find(String channelArn, String streamId);

  /** Sessions without an end time: after a crash these belong to broadcasts that no longer exist. */
  List<StreamSession> open();

  /** Removes everything about a deleted channel. */
  void deleteChannel(String channelArn);
}
