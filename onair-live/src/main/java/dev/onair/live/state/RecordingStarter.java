package dev.onair.live.state;

import dev.onair.hls.segment.SegmentListener;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.StreamEvent;
import java.time.Instant;
import dev.onair.rtmp.session.StreamInfo;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Starts auto-record-to-S3 for a broadcast; implemented by the recording package. */
@FunctionalInterface
public interface RecordingStarter {
  /**
   * @param streamInfo the broadcast's codecs and resolution as currently known
   * @param events where "Recording Start"/"Recording End" (and failures) go, to join the session's events
   * @return the listener that receives the broadcast's segments, or null when the channel does not record
   */
  SegmentListener start(Channel channel, String streamId, Instant startTime, Supplier<StreamInfo> streamInfo,
      Consumer<StreamEvent> events);

  /**
   * A recording that also wants the broadcast's frames (thumbnails from keyframes): {@link #frames()} is fanned
   * out after the segmenter, on the ingest thread; null when it takes none.
   */
  interface FrameTap extends SegmentListener {
    dev.onair.rtmp.session.MediaSink frames();
  }

  static RecordingStarter none() {
    return (channel, streamId, startTime, streamInfo, events) -> null;
  }
}
