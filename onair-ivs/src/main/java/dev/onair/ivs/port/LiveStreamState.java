package dev.onair.ivs.port;

import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamSession;
import java.util.List;
import java.util.Optional;

/**
 * The data plane's view of broadcasts, and the control plane's levers on it. The RTMP/HLS side implements this;
 * until it does, {@link #offline()} answers as if nothing ever broadcast.
 */
public interface LiveStreamState {
  /** The channel's current broadcast, if it is live. */
  Optional<LiveStream> liveStream(String channelArn);

  /** Every live broadcast in the account and region. */
  List<LiveStream> liveStreams(String accountId, String region);

  /** The channel's sessions, newest first, live one included. */
  List<StreamSession> sessions(String channelArn);

  Optional<StreamSession> session(String channelArn, String streamId);

  /**
   * Disconnects the channel's broadcaster.
   *
   * @return false when the channel was not live
   */
  boolean stopStream(String channelArn);

  /**
   * Inserts timed metadata (an ID3 TXXX frame in HLS) into the live stream.
   *
   * @return false when the channel was not live
   */
  boolean putMetadata(String channelArn, String metadata);

  /** The stream key was deleted: disconnect any broadcast using it and refuse it from now on. */
  void streamKeyDeleted(String channelArn, String streamKeyArn);

  static LiveStreamState offline() {
    return OfflineLiveStreamState.INSTANCE;
  }
}
