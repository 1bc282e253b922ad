package dev.onair.live.state;

import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.ivs.model.Channel;
import dev.onair.rtmp.session.PublisherHandle;
import java.time.Clock;
import java.time.Instant;

/** Broadcasts for tests outside this package (the constructor is the state service's). */
public final class TestBroadcasts {
  private TestBroadcasts() {}

  public static Broadcast of(Channel channel, String streamId, LiveSegmenter segmenter, Clock clock) {
    return new Broadcast(channel, streamId, channel.arn().replace(":channel/", ":stream-key/"), Instant.now(clock),
        connectedHandle(), new IngestStats(clock::millis), segmenter, false);
  }

  /** A publisher that stays connected and ignores disconnects. */
  public static PublisherHandle connectedHandle() {
    return new PublisherHandle() {
      @Override
      public void disconnect() {}

      @Override
      public boolean isConnected() {
        return true;
      }

      @Override
      public String remoteAddress() {
        return "127.0.0.1:50000";
      }
    };
  }
}
