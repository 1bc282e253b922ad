package dev.onair.hls.segment;

import dev.onair.hls.playlist.MediaPlaylistWriter;
import dev.onair.hls.playlist.Variant;
import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.StreamInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Cuts one stream's media into HLS segments and LL-HLS parts and keeps a bounded window of them
 * in memory.
 *
 * <p>Threading: exactly one writer (the publisher's I/O thread, through the {@link MediaSink}
 * methods) and any number of readers. After each part the writer publishes an immutable {@link
 * SegmentWindow}; readers only ever see such snapshots.
 *
 * <p>Cutting: a segment starts at a keyframe and ends at the first keyframe at or after 90% of
 * the target (or, without keyframes, at the hard maximum). Parts end before the video frame that
 * would push them past the part target, so no part exceeds PART-TARGET. A republish after {@link
 * #onEnd()}, a codec change or a timestamp jump backwards starts a discontinuity; the output
 * timeline stays monotonic across it, and MSNs never go backwards.
 *
 * <p>Video is required: frames before the first keyframe, and all audio until then, are dropped.
 */
public final class LiveSegmenter implements MediaSink {
  private static final long BACKWARD_JUMP_MILLIS = 1000;
  /** Timed metadata waiting for the next video frame; IVS allows 5 per second, so this is seconds of backlog. */
  private static final int PENDING_METADATA = 64;

  private final SegmenterConfig config;
  private final Clock clock;
  private final List<SegmentListener> listeners = new CopyOnWriteArrayList<>();
  private final ReloadWaiters waiters = new ReloadWaiters();
  private final LinkedBlockingQueue<byte[]> pendingMetadata = new LinkedBlockingQueue<>(PENDING_METADATA);
  private final long targetMillis;
  private final long partTargetMillis;

  // Writer-thread state.
  private AvcDecoderConfig video;
  private AacConfig audio;
  private StreamInfo streamInfo;
  private SegmentWriter writer;
  private boolean configChanged;
  private boolean discontinuityPending;
  private long offsetMillis;
  private long lastVideoDts = Long.MIN_VALUE;
  private long lastFrameDuration = 33;
  private long previousFrameDuration = 33;
  private Instant anchorWall;
  private long anchorDts;
  private Instant lastSegmentEnd = Instant.MIN;
  private final ArrayDeque<Segment> completed = new ArrayDeque<>();
  private final List<InitSection> inits = new ArrayList<>();
  private int nextInitId;
  private long nextMsn;
  private long discontinuitiesEvicted;
  private int targetDuration;
  private boolean ended;
  private boolean everStarted;

  private boolean segmentOpen;
  private long segmentStart;
  private Instant segmentPdt;
  private boolean segmentDiscontinuity;
  private final List<Part> segmentParts = new ArrayList<>();
  private long partStart;
  private boolean partIndependent;
  private int partFrames;

  private volatile SegmentWindow window;
  private volatile CachedPlaylists cached;

  private record CachedPlaylists(SegmentWindow window, String normal, String lowLatency) {}

  public LiveSegmenter(SegmenterConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.targetMillis = config.targetSegmentDuration().toMillis();
    this.partTargetMillis = config.partTargetDuration().toMillis();
    this.targetDuration = (int) Math.ceil(targetMillis / 1000.0);
    publish();
  }

  public void addListener(SegmentListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener is null"));
  }

  public SegmenterConfig config() {
    return config;
  }

  // ---- readers (any thread) ----

  public SegmentWindow snapshot() {
    return window;
  }

  /** The media playlist with the default naming; cached per snapshot. */
  public String playlist(boolean lowLatency) {
    SegmentWindow current = window;
    CachedPlaylists cache = cached;
    if (cache == null || cache.window() != current) {
      cache = new CachedPlaylists(current, null, null);
    }
    String text = lowLatency ? cache.lowLatency() : cache.normal();
    if (text == null) {
      text = playlist(current, lowLatency, HlsNaming.DEFAULT);
      cache = lowLatency ? new CachedPlaylists(current, cache.normal(), text)
          : new CachedPlaylists(current, text, cache.lowLatency());
      cached = cache;
    }
    return text;
  }

  /** The media playlist of a given snapshot (e.g. one returned by {@link #await}). */
  public static String playlist(SegmentWindow window, boolean lowLatency, HlsNaming naming) {
    return MediaPlaylistWriter.write(PlaylistComposer.compose(window, lowLatency, naming));
  }

  /**
   * This stream as a multivariant entry: measured peak/average bandwidth (or {@code
   * fallbackBandwidth} before the first segment), resolution, codecs and frame rate.
   */
  public Variant variant(String uri, long fallbackBandwidth) {
    SegmentWindow current = window;
    StreamInfo info = current.streamInfo() != null ? current.streamInfo() : StreamInfo.of(null, null);
    long peak = current.peakBandwidth();
    return new Variant(uri, peak > 0 ? peak : fallbackBandwidth, current.averageBandwidth(), info.width(),
        info.height(), info.codecs(), info.frameRate());
  }

  public Optional<Segment> segment(long msn) {
    return window.segment(msn);
  }

  public Optional<Part> part(long msn, int index) {
    return window.part(msn, index);
  }

  /** The init section current fragments use (fMP4 only). */
  public Optional<InitSection> init() {
    return window.currentInit();
  }

  public Optional<InitSection> init(int id) {
    return window.init(id);
  }

  /**
   * Completes when a snapshot has segment {@code msn} (part &lt; 0) or part {@code part} of it, or
   * when the stream ends; fails with {@link java.util.concurrent.TimeoutException} after {@code
   * timeout} (the server answers 503). Check {@link SegmentWindow#isTooFarAhead} first (400).
   * Completion runs on the ingest thread: hand heavy continuations to another executor.
   */
  public CompletableFuture<SegmentWindow> await(long msn, int part, Duration timeout) {
    return waiters.await(() -> window, msn, part, timeout);
  }

  /**
   * Queues an ID3 tag to be muxed into the stream with the next video frame (any thread; the writer thread
   * owns the muxer). Returns false when the backlog is full, which only happens while no video arrives.
   */
  public boolean addTimedMetadata(byte[] id3Tag) {
    return pendingMetadata.offer(Objects.requireNonNull(id3Tag, "id3Tag is null"));
  }

  // ---- MediaSink (single writer thread) ----

  @Override
  public void onStreamInfo(StreamInfo info) {
    streamInfo = info;
  }

  @Override
  public void onVideoConfig(long dtsMillis, AvcDecoderConfig config) {
    if (video != null && !video.equals(config)) {
      configChanged = true;
    }
    video = config;
    if (streamInfo == null || audio == null) {
      streamInfo = StreamInfo.of(video, audio);
    }
  }

  @Override
  public void onAudioConfig(long dtsMillis, AacConfig config) {
    if (audio != null && !audio.equals(config)) {
      configChanged = true;
    }
    if (audio == null && writer != null) {
      configChanged = true; // audio appeared after video started: tracks change
    }
    audio = config;
    streamInfo = StreamInfo.of(video, audio);
  }

  @Override
  public void onVideo(long dtsMillis, int compositionTimeMillis, boolean keyframe, byte[] avcc) {
    if (video == null) {
      return;
    }
    if (ended) {
      ended = false;
      discontinuityPending = true;
      realignTimeline(dtsMillis);
    } else if (lastVideoDts != Long.MIN_VALUE && dtsMillis + offsetMillis < lastVideoDts - BACKWARD_JUMP_MILLIS) {
      discontinuityPending = true;
      realignTimeline(dtsMillis);
    }
    long t = dtsMillis + offsetMillis;
    if (!segmentOpen) {
      if (!keyframe) {
        return;
      }
      openSegment(t);
    } else {
      long segmentAge = t - segmentStart;
      boolean boundary = keyframe && (segmentAge * 10 >= targetMillis * 9 || discontinuityPending || configChanged);
      if (boundary || segmentAge >= config.maxSegmentDuration().toMillis()) {
        closeSegment(t);
        openSegment(t);
      } else if (partFrames > 0 && t - partStart + predictedFrameDuration() > partTargetMillis) {
        closePart(t, true);
        partStart = t;
        partIndependent = keyframe;
      }
    }
    if (lastVideoDts != Long.MIN_VALUE && t > lastVideoDts && t - lastVideoDts < 1000) {
      previousFrameDuration = lastFrameDuration;
      lastFrameDuration = t - lastVideoDts;
    }
    lastVideoDts = Math.max(lastVideoDts, t);
    for (byte[] tag = pendingMetadata.poll(); tag != null; tag = pendingMetadata.poll()) {
      writer.metadata(t + compositionTimeMillis, tag);
    }
    writer.video(t, compositionTimeMillis, keyframe, avcc);
    partFrames++;
  }

  @Override
  public void onAudio(long dtsMillis, byte[] aacFrame) {
    if (segmentOpen && audio != null && !ended) {
      writer.audio(dtsMillis + offsetMillis, aacFrame);
    }
  }

  @Override
  public void onEnd() {
    if (ended) {
      return;
    }
    if (segmentOpen) {
      closeSegment(lastVideoDts + lastFrameDuration);
    }
    ended = true;
    publish();
    listeners.forEach(SegmentListener::onEnd);
  }

  // ---- cutting ----

  /**
   * The next frame's expected spacing. Millisecond timestamps alternate (33, 34, 33 ms at 30 fps);
   * taking the smaller of the last two keeps parts from closing one frame early, which would
   * leave a one-frame part at every segment end.
   */
  private long predictedFrameDuration() {
    return Math.min(lastFrameDuration, previousFrameDuration);
  }

  /** Keeps output time moving forward when the input clock restarts (republish, encoder reset). */
  private void realignTimeline(long inputDts) {
    if (lastVideoDts != Long.MIN_VALUE) {
      offsetMillis = lastVideoDts + lastFrameDuration - inputDts;
    }
  }

  private void openSegment(long t) {
    boolean discontinuity = everStarted && (discontinuityPending || configChanged);
    if (writer == null || configChanged) {
      writer = config.format() == ContainerFormat.TS
          ? new TsSegmentWriter(video, audio) : new Fmp4SegmentWriter(video, audio);
      byte[] init = writer.initSection();
      if (init != null) {
        inits.add(new InitSection(nextInitId++, init));
      }
    }
    configChanged = false;
    discontinuityPending = false;
    if (anchorWall == null || discontinuity) {
      // Wall clock at ingest, but never before the previous segment ended: PDT must not go back.
      Instant now = clock.instant();
      anchorWall = now.isBefore(lastSegmentEnd) ? lastSegmentEnd : now;
      anchorDts = t;
    }
    everStarted = true;
    segmentOpen = true;
    segmentStart = t;
    segmentPdt = anchorWall.plusMillis(t - anchorDts);
    segmentDiscontinuity = discontinuity;
    segmentParts.clear();
    partStart = t;
    partIndependent = true;
    partFrames = 0;
    writer.beginSegment();
    publish();
  }

  private void closePart(long end, boolean publish) {
    byte[] bytes = writer.flushPart(end);
    segmentParts.add(new Part(nextMsn, segmentParts.size(), (end - partStart) / 1000.0, partIndependent, bytes));
    partFrames = 0;
    if (publish) {
      publish();
    }
  }

  private void closeSegment(long end) {
    if (partFrames > 0) {
      closePart(end, false);
    }
    double duration = (end - segmentStart) / 1000.0;
    int initId = inits.isEmpty() ? 0 : inits.get(inits.size() - 1).id();
    Segment segment = new Segment(nextMsn++, duration, segmentPdt, segmentDiscontinuity, initId, segmentParts);
    completed.addLast(segment);
    lastSegmentEnd = segmentPdt.plusMillis(end - segmentStart);
    // EXTINF rounded must not exceed TD; a longer GOP than configured raises TD rather than lie.
    targetDuration = Math.max(targetDuration, (int) Math.round(duration));
    while (completed.size() > config.retainedSegments()) {
      if (completed.removeFirst().discontinuity()) {
        discontinuitiesEvicted++;
      }
    }
    while (inits.size() > 1 && inits.get(0).id() < completed.peekFirst().initId()) {
      inits.remove(0);
    }
    segmentOpen = false;
    segmentParts.clear();
    publish();
    InitSection init = inits.isEmpty() ? null : inits.get(inits.size() - 1);
    for (SegmentListener listener : listeners) {
      listener.onSegment(segment, init);
    }
  }

  private void publish() {
    SegmentWindow next = new SegmentWindow(config.format(), new ArrayList<>(completed), nextMsn, segmentOpen,
        segmentOpen ? segmentParts : List.of(), segmentOpen ? segmentPdt : null, segmentOpen && segmentDiscontinuity,
        inits.isEmpty() ? 0 : inits.get(inits.size() - 1).id(), inits, targetDuration,
        partTargetMillis / 1000.0, config.playlistSegments(), discontinuitiesEvicted, ended, streamInfo);
    window = next;
    waiters.publish(next);
  }
}
