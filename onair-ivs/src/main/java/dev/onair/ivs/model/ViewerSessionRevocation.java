package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A request to end a viewer's playback sessions on a channel: every token of that viewer whose
 * aws:viewer-session-version is at most {@code versionsLessThanOrEqualTo} stops working.
 */
public record ViewerSessionRevocation(
    String channelArn, String viewerId, int versionsLessThanOrEqualTo, Instant requestedAt) {
  public ViewerSessionRevocation {
    requireNonNull(channelArn, "channelArn is null");
    requireNonNull(viewerId, "viewerId is null");
    requireNonNull(requestedAt, "requestedAt is null");
  }

  public boolean revokes(String channel, String viewer, long sessionVersion) {
    return channelArn.equals(channel) && viewerId.equals(viewer) && sessionVersion <= versionsLessThanOrEqualTo;
  }
}
