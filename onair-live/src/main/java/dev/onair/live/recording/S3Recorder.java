package dev.onair.live.recording;

import static java.util.Objects.requireNonNull;

import dev.onair.hls.segment.InitSection;
import dev.onair.hls.segment.Segment;
import dev.onair.hls.segment.SegmentListener;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.live.port.RecordingRecord;
import dev.onair.live.port.RecordingRepository;
import dev.onair.live.state.StreamEvents;
import dev.onair.rtmp.session.StreamInfo;
import dev.onair.s3.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one broadcast into its bucket in IVS's layout. Segment callbacks arrive on the ingest thread; every S3
 * write runs on a shared pool but in order per recording (a chain of futures), so the media path never waits for
 * storage and the playlist never names a segment that is not stored yet.
 *
 * <p>After each segment the rendition playlist (EVENT) is rewritten and persisted with the recording's progress,
 * so a crash leaves enough to finish the recording on restart ({@link RecordingRecovery}).
 */
final class S3Recorder implements SegmentListener {
  private static final Logger LOG = LoggerFactory.getLogger(S3Recorder.class);

  private final ObjectWriter objects;
  private final RecordingRepository repository;
  private final Executor pool;
  private final Supplier<StreamInfo> streamInfo;
  private final Consumer<StreamEvent> events;
  private final Clock clock;
  private final boolean fmp4;
  private final Set<Integer> initsWritten = new HashSet<>();
  private final StringBuilder entries = new StringBuilder();
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  private RecordingRecord record;
  private long segmentCount;
  private int targetDuration = 1;
  private int currentInit = -1;
  private long peakBandwidth;
  private boolean failed;
  private volatile boolean ended;
  private Consumer<S3Recorder> onFinished = ignored -> {};

  S3Recorder(ObjectWriter objects, RecordingRepository repository, Executor pool, RecordingRecord record,
      Supplier<StreamInfo> streamInfo, Consumer<StreamEvent> events, Clock clock) {
    this.objects = requireNonNull(objects, "objects is null");
    this.repository = requireNonNull(repository, "repository is null");
    this.pool = requireNonNull(pool, "pool is null");
    this.record = requireNonNull(record, "record is null");
    this.streamInfo = requireNonNull(streamInfo, "streamInfo is null");
    this.events = requireNonNull(events, "events is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.fmp4 = "FRAGMENTED_MP4".equals(record.container());
  }

  void start() {
    enqueue(() -> {
      put(RecordingLayout.STARTED_EVENT, RecordingDocuments.started(record.channelArn(), record.startedAt(),
          null, 0, 0), "application/json");
      events.accept(StreamEvents.recording(StreamEvents.RECORDING_START, clock.instant()));
    });
  }

  @Override
  public void onSegment(Segment segment, InitSection init) {
    // Copy now: the segment object is immutable, but reading it later keeps it reachable; bytes are cheaper.
    byte[] bytes = segment.toByteArray();
    StreamInfo info = streamInfo.get();
    enqueue(() -> writeSegment(segment, init, bytes, info));
  }

  private void writeSegment(Segment segment, InitSection init, byte[] bytes, StreamInfo info) {
    String rendition = record.renditionPath();
    int width = record.width();
    int height = record.height();
    if (rendition == null) {
      width = info == null ? 0 : info.width();
      height = info == null ? 0 : info.height();
      rendition = RecordingLayout.renditionPath(height, info == null ? 0 : info.frameRate());
    }
    boolean initChanged = false;
    if (fmp4 && init != null && initsWritten.add(init.id())) {
      put(RecordingLayout.renditionKey(record.keyPrefix(), rendition, RecordingLayout.initFile(init.id())),
          init.data(), "video/mp4");
      initChanged = currentInit >= 0;
      currentInit = init.id();
    } else if (fmp4 && currentInit < 0 && init != null) {
      currentInit = init.id();
    }
    String file = RecordingLayout.segmentFile(segmentCount++, record.container());
    put(RecordingLayout.renditionKey(record.keyPrefix(), rendition, file), bytes,
        fmp4 ? "video/mp4" : "video/mp2t");
    if (initChanged) {
      entries.append("#EXT-X-MAP:URI=\"").append(RecordingLayout.initFile(currentInit)).append("\"\n");
    }
    entries.append(RecordingDocuments.segmentEntry(segment.duration(), segment.programDateTime(),
        segment.discontinuity() || initChanged, file));
    targetDuration = Math.max(targetDuration, (int) Math.ceil(segment.duration()));
    if (segment.duration() > 0) {
      peakBandwidth = Math.max(peakBandwidth, (long) (bytes.length * 8 / segment.duration()));
    }
    String playlist = playlist(false);
    put(RecordingLayout.renditionKey(record.keyPrefix(), rendition, RecordingLayout.RENDITION_PLAYLIST),
        playlist.getBytes(StandardCharsets.UTF_8), "application/vnd.apple.mpegurl");
    if (segmentCount == 1) {
      put(RecordingLayout.masterKey(record.keyPrefix()),
          RecordingDocuments.master(rendition, peakBandwidth, width, height, info == null ? "" : info.codecs()),
          "application/vnd.apple.mpegurl");
    }
    long duration = record.durationMillis() + Math.round(segment.duration() * 1000);
    record = record.withProgress(rendition, width, height, duration, playlist);
    repository.update(record);
  }

  private String playlist(boolean finished) {
    String initFile = fmp4 ? RecordingLayout.initFile(Math.max(0, firstInit())) : null;
    String text = RecordingDocuments.playlistHeader(targetDuration, fmp4, finished, initFile) + entries;
    return finished ? text + "#EXT-X-ENDLIST\n" : text;
  }

  private int firstInit() {
    return initsWritten.stream().min(Integer::compare).orElse(0);
  }

  @Override
  public void onEnd() {
    enqueue(this::finish);
  }

  private void finish() {
    if (ended) {
      return;
    }
    ended = true;
    String status = failed ? RecordingRecord.FAILED : RecordingRecord.ENDED;
    try {
      if (record.renditionPath() != null) {
        put(RecordingLayout.renditionKey(record.keyPrefix(), record.renditionPath(),
            RecordingLayout.RENDITION_PLAYLIST), playlist(true).getBytes(StandardCharsets.UTF_8),
            "application/vnd.apple.mpegurl");
      }
      put(RecordingLayout.ENDED_EVENT, RecordingDocuments.ended(record.channelArn(), record.startedAt(),
          clock.instant(), status, failed ? "InternalServerException" : null, record.durationMillis(),
          record.renditionPath(), record.width(), record.height()), "application/json");
    } catch (RuntimeException e) {
      LOG.warn("recording {} could not be finalised", record.recordingId(), e);
      status = RecordingRecord.FAILED;
    }
    record = record.finished(status, clock.instant());
    repository.update(record);
    events.accept(StreamEvents.recording(RecordingRecord.ENDED.equals(status)
        ? StreamEvents.RECORDING_END : StreamEvents.RECORDING_END_FAILURE, clock.instant()));
    onFinished.accept(this);
  }

  void onFinished(Consumer<S3Recorder> callback) {
    this.onFinished = requireNonNull(callback, "callback is null");
  }

  /** Resolves when every write queued so far is done; for shutdown and tests. */
  CompletableFuture<Void> drained() {
    synchronized (this) {
      return tail;
    }
  }

  private void enqueue(Runnable task) {
    synchronized (this) {
      tail = tail.thenRunAsync(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          failed = true;
          LOG.warn("recording {} write failed", record.recordingId(), e);
        }
      }, pool);
    }
  }

  private void put(String relativeKey, byte[] bytes, String contentType) {
    String key = relativeKey.startsWith(record.keyPrefix()) ? relativeKey : record.keyPrefix() + "/" + relativeKey;
    objects.put(record.bucket(), key, bytes, contentType);
  }
}
