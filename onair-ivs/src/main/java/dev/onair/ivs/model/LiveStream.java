package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What the data plane knows about a channel that is broadcasting now.
 *
 * @param viewerCount -1 when the count timed out, as AWS reports
 */
public record LiveStream(
    String channelArn, String streamId, Instant startTime, StreamHealth health, long viewerCount) {
  public LiveStream {
    requireNonNull(channelArn, "channelArn is null");
    requireNonNull(streamId, "streamId is null");
    requireNonNull(startTime, "startTime is null");
    requireNonNull(health, "health is null");
  }

  /** Always LIVE: a stream the data plane reports is by definition live (AWS says not to rely on OFFLINE). */
  public String state() {
    return "LIVE";
  }
}
