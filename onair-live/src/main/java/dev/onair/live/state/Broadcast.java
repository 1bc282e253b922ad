package dev.onair.live.state;

import static java.util.Objects.requireNonNull;

import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.LiveStream;
import dev.onair.rtmp.session.PublisherHandle;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One live broadcast: the channel as it was when the broadcast started (IVS applies UpdateChannel only to the
 * next broadcast), its publisher, measurements, segments and viewers.
 */
public final class Broadcast {
  /** Timed metadata kept for inspection; older entries are dropped. */
  private static final int METADATA_KEPT = 32;

  /** One PutMetadata call, stamped with its position on the stream's wall clock. */
  public record TimedMetadata(Instant receivedAt, String text) {
    @Override
    public String toString() {
      return "TimedMetadata[" + receivedAt + ", " + text.length() + " chars]";
    }
  }

  private final Channel channel;
  private final String streamId;
  private final String streamKeyArn;
  private final Instant startTime;
  private final PublisherHandle publisher;
  private final IngestStats stats;
  private final LiveSegmenter segmenter;
  private final ViewerTracker viewers = new ViewerTracker();
  private final boolean recording;
  private final ArrayDeque<TimedMetadata> metadata = new ArrayDeque<>();

  Broadcast(Channel channel, String streamId, String streamKeyArn, Instant startTime, PublisherHandle publisher,
      IngestStats stats, LiveSegmenter segmenter, boolean recording) {
    this.channel = requireNonNull(channel, "channel is null");
    this.streamId = requireNonNull(streamId, "streamId is null");
    this.streamKeyArn = requireNonNull(streamKeyArn, "streamKeyArn is null");
    this.startTime = requireNonNull(startTime, "startTime is null");
    this.publisher = requireNonNull(publisher, "publisher is null");
    this.stats = requireNonNull(stats, "stats is null");
    this.segmenter = requireNonNull(segmenter, "segmenter is null");
    this.recording = recording;
  }

  public Channel channel() {
    return channel;
  }

  public String channelArn() {
    return channel.arn();
  }

  public String streamId() {
    return streamId;
  }

  public String streamKeyArn() {
    return streamKeyArn;
  }

  public Instant startTime() {
    return startTime;
  }

  PublisherHandle publisher() {
    return publisher;
  }

  public IngestStats stats() {
    return stats;
  }

  public LiveSegmenter segmenter() {
    return segmenter;
  }

  public ViewerTracker viewers() {
    return viewers;
  }

  public boolean recording() {
    return recording;
  }

  public boolean lowLatency() {
    return "LOW".equals(channel.latencyMode());
  }

  public LiveStream liveStream(long nowMillis) {
    return new LiveStream(channel.arn(), streamId, startTime, stats.health(), viewers.count(nowMillis));
  }

  synchronized void addMetadata(TimedMetadata entry) {
    if (metadata.size() == METADATA_KEPT) {
      metadata.removeFirst();
    }
    metadata.addLast(entry);
  }

  public synchronized List<TimedMetadata> metadata() {
    return List.copyOf(metadata);
  }

  @Override
  public String toString() {
    return "Broadcast[" + channel.arn() + ", " + streamId + "]";
  }
}
