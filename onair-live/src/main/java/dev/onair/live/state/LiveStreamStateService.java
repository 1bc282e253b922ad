package dev.onair.live.state;

import static java.util.Objects.requireNonNull;

import dev.onair.hls.mux.Id3Tag;
import dev.onair.hls.segment.ContainerFormat;
import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.hls.segment.SegmentListener;
import dev.onair.hls.segment.SegmenterConfig;
import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.model.StreamHealth;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.model.VideoConfiguration;
import dev.onair.ivs.port.LiveStreamState;
import dev.onair.live.ingest.IngestTicket;
import dev.onair.live.port.LiveSessionRepository;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.MediaSinkFactory;
import dev.onair.rtmp.session.PublishRequest;
import dev.onair.rtmp.session.PublisherHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state IVS's API reports, built from real ingest: a broadcast per live channel, a stream session per
 * broadcast (persisted with its events), and the levers StopStream, PutMetadata and stream-key deletion.
 *
 * <p>It is also the RTMP {@link MediaSinkFactory}: an admitted publisher becomes a {@link Broadcast} here, and
 * the broadcast ends when the publisher goes (unpublish, disconnect, idle timeout, StopStream).
 */
public final class LiveStreamStateService implements LiveStreamState, MediaSinkFactory {
  private static final Logger LOG = LoggerFactory.getLogger(LiveStreamStateService.class);
  /**
   * Ingest figures are compared with what was last stored this often (ticks are one second) and written only when
   * they moved (see {@link IngestConfigurations#differ}); at least every {@link #PERSIST_AT_LEAST_TICKS} anyway.
   * A steady stream's averages settle within a minute, so at 50 streams this is ~1 write a second instead of 10.
   */
  private static final int PERSIST_EVERY_TICKS = 5;

  private static final int PERSIST_AT_LEAST_TICKS = 60;

  private final LiveSessionRepository sessions;
  private final RecordingStarter recordings;
  private final Function<Channel, SegmenterConfig> segmenterConfigs;
  private final IdGenerator ids;
  private final Clock clock;
  private final PublisherGate gate;
  private final SerialLanes writes;
  private final Map<String, Broadcast> live = new ConcurrentHashMap<>();
  private final Map<Broadcast, StreamHealth> lastHealth = new ConcurrentHashMap<>();
  private final Map<Broadcast, StoredIngest> stored = new ConcurrentHashMap<>();
  private long ticks;

  /** The ingest figures last written for a broadcast, and when (in ticks). */
  private record StoredIngest(VideoConfiguration video, AudioConfiguration audio, long tick) {}

  public LiveStreamStateService(LiveSessionRepository sessions, RecordingStarter recordings,
      Function<Channel, SegmenterConfig> segmenterConfigs, IdGenerator ids, Clock clock) {
    this(sessions, recordings, segmenterConfigs, ids, clock, PublisherGate.OPEN);
  }

  /** Session writes on the calling thread (tests). */
  public LiveStreamStateService(LiveSessionRepository sessions, RecordingStarter recordings,
      Function<Channel, SegmenterConfig> segmenterConfigs, IdGenerator ids, Clock clock, PublisherGate gate) {
    this(sessions, recordings, segmenterConfigs, ids, clock, gate, Runnable::run);
  }

  /**
   * @param gate decides, with the other nodes, whether this node may take the channel's publisher
   * @param writes runs the session writes a publisher's connection causes (ingest figures at the first codec
   *     configuration, the end-of-broadcast rows): never the RTMP event loop, which other publishers share
   */
  public LiveStreamStateService(LiveSessionRepository sessions, RecordingStarter recordings,
      Function<Channel, SegmenterConfig> segmenterConfigs, IdGenerator ids, Clock clock, PublisherGate gate,
      Executor writes) {
    this.writes = new SerialLanes(writes);
    this.gate = requireNonNull(gate, "gate is null");
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.recordings = requireNonNull(recordings, "recordings is null");
    this.segmenterConfigs = requireNonNull(segmenterConfigs, "segmenterConfigs is null");
    this.ids = requireNonNull(ids, "ids is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** IVS-like cutting: 2 s segments with 0.5 s parts, in the channel's container format. */
  public static SegmenterConfig defaultSegmenterConfig(Channel channel) {
    return SegmenterConfig.defaults(
        "FRAGMENTED_MP4".equals(channel.containerFormat()) ? ContainerFormat.FMP4 : ContainerFormat.TS);
  }

  // ---- ingest ----

  @Override
  public MediaSink create(PublishRequest request, PublisherHandle handle) {
    if (!(request.attachment() instanceof IngestTicket ticket)) {
      throw new IllegalStateException("publish was not admitted by the stream key authorizer");
    }
    Channel channel = ticket.channel();
    Instant start = clock.instant();
    IngestStats stats = new IngestStats(clock::millis);
    LiveSegmenter segmenter = new LiveSegmenter(segmenterConfigs.apply(channel), clock);
    String streamId = ids.streamId();
    boolean records = channel.recordingEnabled();
    Broadcast broadcast = new Broadcast(channel, streamId, ticket.streamKeyArn(), start, handle, stats, segmenter,
        records);
    // The authorizer already refused a second publisher; this closes the race between two simultaneous ones.
    if (live.putIfAbsent(channel.arn(), broadcast) != null) {
      throw new IllegalStateException("channel is already live");
    }
    // Claimed before the session row exists, so an open session without a live lease is always an orphan.
    boolean admitted;
    try {
      // The channel's previous broadcast may still be writing its end (and releasing its lease) on the lane.
      writes.awaitIdle(channel.arn());
      admitted = gate.admit(broadcast);
    } catch (RuntimeException e) {
      live.remove(channel.arn(), broadcast);
      throw e;
    }
    if (!admitted) {
      live.remove(channel.arn(), broadcast);
      throw new IllegalStateException("channel is already live on another node");
    }
    sessions.create(channel.arn(), streamId, start);
    event(broadcast, StreamEvents.state(StreamEvents.SESSION_CREATED, start));
    event(broadcast, StreamEvents.state(StreamEvents.STREAM_START, start));
    MediaSink recordingFrames = null;
    if (records) {
      try {
        SegmentListener recorder = recordings.start(channel, streamId, start, stats::streamInfo,
            e -> event(broadcast, e));
        if (recorder != null) {
          segmenter.addListener(recorder);
        }
        if (recorder instanceof RecordingStarter.FrameTap tap) {
          recordingFrames = tap.frames();
        }
      } catch (RuntimeException e) {
        LOG.warn("recording of {} could not start", channel.arn(), e);
        event(broadcast, StreamEvents.recording(StreamEvents.RECORDING_START_FAILURE, clock.instant()));
      }
    }
    LOG.info("channel {} live: stream {} from {}", channel.arn(), streamId, request.remoteAddress());
    // At most one ingest write queued per broadcast: it reads the newest figures when it runs, so an encoder that
    // changes its codec configuration faster than the database writes cannot grow the lane without bound.
    AtomicBoolean ingestQueued = new AtomicBoolean();
    MediaSink end = new MediaSink() {
      @Override
      public void onVideoConfig(long dtsMillis, dev.onair.media.codec.AvcDecoderConfig config) {}

      @Override
      public void onVideo(long dtsMillis, int cts, boolean keyframe, byte[] avcc) {}

      @Override
      public void onAudioConfig(long dtsMillis, dev.onair.media.codec.AacConfig config) {}

      @Override
      public void onAudio(long dtsMillis, byte[] aacFrame) {}

      @Override
      public void onStreamInfo(dev.onair.rtmp.session.StreamInfo info) {
        if (ingestQueued.compareAndSet(false, true)) {
          writes.submit(broadcast.channelArn(), () -> {
            ingestQueued.set(false);
            persistIngest(broadcast);
          });
        }
      }

      @Override
      public void onEnd() {
        finish(broadcast);
      }
    };
    // Order matters: stats see a frame before the segmenter publishes it; the end hook runs last, after the
    // segmenter has closed its final segment and the recorder has been told.
    // The recording's frame tap (thumbnails) sees frames after the segmenter; it must never throw or block.
    return MediaSink.fanOut(recordingFrames == null ? List.of(stats, segmenter, end)
        : List.of(stats, segmenter, guarded(recordingFrames, broadcast), end));
  }

  /** A recording's frame tap whose failures are logged and never reach the ingest path. */
  private static MediaSink guarded(MediaSink sink, Broadcast broadcast) {
    return new MediaSink() {
      @Override
      public void onVideoConfig(long dtsMillis, dev.onair.media.codec.AvcDecoderConfig config) {
        try {
          sink.onVideoConfig(dtsMillis, config);
        } catch (RuntimeException e) {
          LOG.warn("recording frame tap of {} failed", broadcast, e);
        }
      }

      @Override
      public void onVideo(long dtsMillis, int cts, boolean keyframe, byte[] avcc) {
        try {
          sink.onVideo(dtsMillis, cts, keyframe, avcc);
        } catch (RuntimeException e) {
          LOG.warn("recording frame tap of {} failed", broadcast, e);
        }
      }

      @Override
      public void onAudioConfig(long dtsMillis, dev.onair.media.codec.AacConfig config) {}

      @Override
      public void onAudio(long dtsMillis, byte[] aacFrame) {}

      @Override
      public void onEnd() {
        try {
          sink.onEnd();
        } catch (RuntimeException e) {
          LOG.warn("recording frame tap of {} failed", broadcast, e);
        }
      }
    };
  }

  private void finish(Broadcast broadcast) {
    if (!live.remove(broadcast.channelArn(), broadcast)) {
      return;
    }
    lastHealth.remove(broadcast);
    Instant end = clock.instant();
    // Called on the event loop (disconnect, unpublish, idle timeout): the rows are written on the channel's lane.
    writes.submit(broadcast.channelArn(), () -> writeEnd(broadcast, end));
  }

  private void writeEnd(Broadcast broadcast, Instant end) {
    persistIngest(broadcast);
    stored.remove(broadcast);
    event(broadcast, StreamEvents.state(StreamEvents.STREAM_END, end));
    event(broadcast, StreamEvents.state(StreamEvents.SESSION_ENDED, end));
    sessions.end(broadcast.channelArn(), broadcast.streamId(), end);
    try {
      gate.ended(broadcast);
    } catch (RuntimeException e) {
      // The lease then expires on its own and a surviving node finds the session already closed.
      LOG.warn("could not release the publisher lease of {}", broadcast, e);
    }
    LOG.info("channel {} offline: stream {} ended", broadcast.channelArn(), broadcast.streamId());
  }

  private void event(Broadcast broadcast, StreamEvent event) {
    try {
      sessions.addEvent(broadcast.channelArn(), broadcast.streamId(), event, StreamEvents.isFailure(event));
    } catch (RuntimeException e) {
      // Session bookkeeping must never take the media path down.
      LOG.warn("could not store event {} of {}", event.name(), broadcast, e);
    }
  }

  private void persistIngest(Broadcast broadcast) {
    var info = broadcast.stats().streamInfo();
    store(broadcast, IngestConfigurations.video(info, broadcast.stats()),
        IngestConfigurations.audio(info, broadcast.stats()));
  }

  /** On the ticker: writes the figures only when they moved since the last write, or that write is old. */
  private void persistIngestIfChanged(Broadcast broadcast) {
    var info = broadcast.stats().streamInfo();
    VideoConfiguration video = IngestConfigurations.video(info, broadcast.stats());
    AudioConfiguration audio = IngestConfigurations.audio(info, broadcast.stats());
    StoredIngest last = stored.get(broadcast);
    if (last == null || ticks - last.tick() >= PERSIST_AT_LEAST_TICKS
        || IngestConfigurations.differ(last.video(), video) || IngestConfigurations.differ(last.audio(), audio)) {
      store(broadcast, video, audio);
    }
  }

  private void store(Broadcast broadcast, VideoConfiguration video, AudioConfiguration audio) {
    try {
      sessions.updateIngest(broadcast.channelArn(), broadcast.streamId(), video, audio);
      if (live.get(broadcast.channelArn()) == broadcast) {
        stored.put(broadcast, new StoredIngest(video, audio, ticks));
      }
    } catch (RuntimeException e) {
      LOG.warn("could not store the ingest configuration of {}", broadcast, e);
    }
  }

  /**
   * Once a second: rolls the measurement windows, notes health changes as events, persists ingest figures now
   * and then. Returns each live broadcast with its sample, for the metrics publisher.
   */
  public synchronized Map<Broadcast, IngestSample> tick() {
    ticks++;
    Map<Broadcast, IngestSample> samples = new java.util.LinkedHashMap<>();
    for (Broadcast broadcast : live.values()) {
      IngestSample sample = broadcast.stats().tick();
      samples.put(broadcast, sample);
      StreamHealth previous = lastHealth.put(broadcast, sample.health());
      if (previous != null && previous != sample.health()) {
        event(broadcast, StreamEvents.health(sample.health() == StreamHealth.STARVING
            ? StreamEvents.STARVATION_START : StreamEvents.STARVATION_END, clock.instant()));
      }
      if (ticks % PERSIST_EVERY_TICKS == 0) {
        persistIngestIfChanged(broadcast);
      }
    }
    return samples;
  }

  /**
   * After a crash, sessions still open in the store belong to broadcasts that died with the process: end them
   * with the events IVS would have sent.
   */
  public void endOrphanedSessions() {
    endOrphanedSessions(open -> false);
  }

  /**
   * As {@link #endOrphanedSessions()}, leaving alone the sessions {@code liveElsewhere} claims (in a cluster:
   * those whose publisher lease another node still renews).
   */
  public void endOrphanedSessions(java.util.function.Predicate<StreamSession> liveElsewhere) {
    Instant now = clock.instant();
    for (StreamSession open : sessions.open()) {
      if (live.containsKey(open.channelArn())
          && live.get(open.channelArn()).streamId().equals(open.streamId())) {
        continue;
      }
      if (liveElsewhere.test(open)) {
        continue;
      }
      sessions.addEvent(open.channelArn(), open.streamId(), StreamEvents.state(StreamEvents.STREAM_END, now), false);
      sessions.addEvent(open.channelArn(), open.streamId(), StreamEvents.state(StreamEvents.SESSION_ENDED, now),
          false);
      sessions.end(open.channelArn(), open.streamId(), now);
    }
  }

  // ---- queries ----

  public boolean isLive(String channelArn) {
    return live.containsKey(channelArn);
  }

  public Optional<Broadcast> broadcast(String channelArn) {
    return Optional.ofNullable(live.get(channelArn));
  }

  public Collection<Broadcast> broadcasts() {
    return List.copyOf(live.values());
  }

  @Override
  public Optional<LiveStream> liveStream(String channelArn) {
    return broadcast(channelArn).map(b -> b.liveStream(clock.millis()));
  }

  @Override
  public List<LiveStream> liveStreams(String accountId, String region) {
    long now = clock.millis();
    List<LiveStream> streams = new ArrayList<>();
    for (Broadcast broadcast : live.values()) {
      Optional<IvsArn> arn = IvsArn.parse(broadcast.channelArn());
      if (arn.isPresent() && arn.get().belongsTo(accountId, region)) {
        streams.add(broadcast.liveStream(now));
      }
    }
    return streams;
  }

  @Override
  public List<StreamSession> sessions(String channelArn) {
    return sessions.sessions(channelArn).stream().map(this::withLiveIngest).toList();
  }

  @Override
  public Optional<StreamSession> session(String channelArn, String streamId) {
    return sessions.find(channelArn, streamId).map(this::withLiveIngest);
  }

  /** The stored session, with the live broadcast's current measurements rather than the last persisted ones. */
  private StreamSession withLiveIngest(StreamSession stored) {
    Broadcast broadcast = live.get(stored.channelArn());
    if (broadcast == null || !broadcast.streamId().equals(stored.streamId())) {
      return stored;
    }
    var info = broadcast.stats().streamInfo();
    var video = IngestConfigurations.video(info, broadcast.stats());
    var audio = IngestConfigurations.audio(info, broadcast.stats());
    return new StreamSession(stored.channelArn(), stored.streamId(), stored.startTime(), stored.endTime(),
        video == null ? stored.videoTracks() : List.of(video), audio == null ? stored.audioTracks() : List.of(audio),
        stored.truncatedEvents(), stored.hasErrorEvent());
  }

  // ---- levers ----

  @Override
  public boolean stopStream(String channelArn) {
    Broadcast broadcast = live.get(channelArn);
    if (broadcast == null) {
      return false;
    }
    LOG.info("StopStream: disconnecting the publisher of {}", channelArn);
    broadcast.publisher().disconnect();
    return true;
  }

  @Override
  public boolean putMetadata(String channelArn, String metadata) {
    Broadcast broadcast = live.get(channelArn);
    if (broadcast == null) {
      return false;
    }
    // Into the stream as an ID3 TXXX frame (TS: the timed-ID3 PID; fMP4: an emsg), with the next video frame.
    // The text is sensitive in IVS's model, so it is never logged.
    if (!broadcast.segmenter().addTimedMetadata(Id3Tag.txxx("", metadata))) {
      LOG.warn("timed metadata for {} dropped: no video is arriving to carry it", channelArn);
    }
    broadcast.addMetadata(new Broadcast.TimedMetadata(clock.instant(), metadata));
    return true;
  }

  @Override
  public void streamKeyDeleted(String channelArn, String streamKeyArn) {
    Broadcast broadcast = live.get(channelArn);
    if (broadcast != null && broadcast.streamKeyArn().equals(streamKeyArn)) {
      LOG.info("stream key of {} deleted: disconnecting its publisher", channelArn);
      broadcast.publisher().disconnect();
    }
  }

  /** Disconnects every publisher, for shutdown; their sessions end through the usual path. */
  public void disconnectAll() {
    for (Broadcast broadcast : live.values()) {
      broadcast.publisher().disconnect();
    }
  }
}
