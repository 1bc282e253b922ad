package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One broadcast of a channel, from connect to disconnect, as the data plane recorded it.
 *
 * @param endTime null while live
 * @param videoTracks the ingest's video tracks, Track0 first (a single entry unless multitrack)
 * @param audioTracks the ingest's audio tracks, Track0 first
 * @param truncatedEvents newest first, at most 500 (AWS's limit)
 * @param hasErrorEvent whether a failure or limit breach happened during the session
 */
public record StreamSession(
    String channelArn,
    String streamId,
    Instant startTime,
    Instant endTime,
    List<VideoConfiguration> videoTracks,
    List<AudioConfiguration> audioTracks,
    List<StreamEvent> truncatedEvents,
    boolean hasErrorEvent) {

  public StreamSession {
    requireNonNull(channelArn, "channelArn is null");
    requireNonNull(streamId, "streamId is null");
    requireNonNull(startTime, "startTime is null");
    videoTracks = List.copyOf(videoTracks);
    audioTracks = List.copyOf(audioTracks);
    truncatedEvents = List.copyOf(truncatedEvents);
  }
}
