package dev.onair.live.recording;

import static java.util.Objects.requireNonNull;

import dev.onair.hls.segment.InitSection;
import dev.onair.hls.segment.Segment;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.live.port.RecordingRecord;
import dev.onair.live.port.RecordingRepository;
import dev.onair.live.state.RecordingStarter;
import dev.onair.live.state.StreamEvents;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.StreamInfo;
import dev.onair.s3.ObjectWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one broadcast (or several merged by the recording configuration's reconnect window) into its bucket in
 * IVS's layout. Segment callbacks arrive on the ingest thread; every S3 write runs on a shared pool but in order
 * per recording (a chain of futures), so the media path never waits for storage and the playlist never names a
 * segment that is not stored yet.
 *
 * <p>After each segment the rendition playlist (EVENT) is rewritten and persisted with the recording's progress,
 * so a crash leaves enough to finish the recording on restart ({@link RecordingRecovery}).
 *
 * <p>With a reconnect window, the end of a broadcast does not end the recording: the recording waits (persisted as
 * status STARTED with {@code endedAt} set) until either the channel's next broadcast resumes it
 * ({@link #resume}: the playlist continues after an EXT-X-DISCONTINUITY) or the window passes and
 * {@link #finishNow()} writes the VOD playlist and {@code recording-ended.json} ({@code recording-failed.json} for a
 * failed recording; never both).
 *
 * <p>A write that fails (the storage is full, the bucket is gone) fails the recording at once: one warning line,
 * "Recording End Failure" on the session, no further segments, and the verdict (VOD playlist of what was stored,
 * {@code recording-failed.json} with RECORDING_ENDED_WITH_FAILURE). If the verdict cannot be written either, it is
 * retried by {@link #retryVerdict()} (the starter's sweep, once a second) until the storage takes it; until then the
 * recording stays unfinished in the repository, so a restart's {@link RecordingRecovery} writes it instead. The
 * broadcast itself goes on.
 */
final class S3Recorder implements RecordingStarter.FrameTap {
  private static final Logger LOG = LoggerFactory.getLogger(S3Recorder.class);

  private final ObjectWriter objects;
  private final RecordingRepository repository;
  private final Executor pool;
  private final Clock clock;
  private final boolean fmp4;
  private final String configurationArn;
  private final int reconnectWindowSeconds;
  private final ThumbnailPlan thumbnailPlan;
  private final Set<Integer> initsWritten = new HashSet<>();
  private final StringBuilder entries = new StringBuilder();
  private volatile Supplier<StreamInfo> streamInfo;
  private volatile Consumer<StreamEvent> events;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  private ThumbnailSink thumbnails;
  private RecordingRecord record;
  private long segmentCount;
  private long thumbnailCount;
  private int targetDuration = 1;
  private int currentInit = -1;
  private int initOffset;
  private boolean discontinuityNext;
  private long peakBandwidth;
  private boolean failed;
  private boolean startFailed;
  private boolean failureAnnounced;
  private volatile boolean verdictPending;
  private String verdictStatus;
  private Instant verdictEndedAt;
  private boolean verdictThumbnails;
  private volatile boolean ended;
  private volatile Instant streamEndedAt;
  private volatile int streams = 1;
  private Consumer<S3Recorder> onFinished = ignored -> {};
  private Consumer<S3Recorder> onStreamEnded = ignored -> {};
  private Consumer<S3Recorder> onVerdictPending = ignored -> {};

  S3Recorder(ObjectWriter objects, RecordingRepository repository, Executor pool, RecordingRecord record,
      Supplier<StreamInfo> streamInfo, Consumer<StreamEvent> events, Clock clock) {
    this(objects, repository, pool, record, streamInfo, events, clock, null, 0, ThumbnailPlan.DISABLED);
  }

  S3Recorder(ObjectWriter objects, RecordingRepository repository, Executor pool, RecordingRecord record,
      Supplier<StreamInfo> streamInfo, Consumer<StreamEvent> events, Clock clock, String configurationArn,
      int reconnectWindowSeconds, ThumbnailPlan thumbnailPlan) {
    this.objects = requireNonNull(objects, "objects is null");
    this.repository = requireNonNull(repository, "repository is null");
    this.pool = requireNonNull(pool, "pool is null");
    this.record = requireNonNull(record, "record is null");
    this.streamInfo = requireNonNull(streamInfo, "streamInfo is null");
    this.events = requireNonNull(events, "events is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.fmp4 = "FRAGMENTED_MP4".equals(record.container());
    this.configurationArn = configurationArn;
    this.reconnectWindowSeconds = Math.max(0, reconnectWindowSeconds);
    this.thumbnailPlan = requireNonNull(thumbnailPlan, "thumbnailPlan is null");
  }

  /** Takes thumbnails from the keyframes on {@code thumbnailPool}; {@code encoder} is resolved there too. */
  void enableThumbnails(Supplier<Optional<JpegEncoder>> encoder, Executor thumbnailPool) {
    if (thumbnailPlan.enabled()) {
      thumbnails = new ThumbnailSink(thumbnailPlan, encoder, thumbnailPool, clock::millis, this::storeThumbnail);
    }
  }

  @Override
  public MediaSink frames() {
    return thumbnails;
  }

  /** For tests. */
  ThumbnailSink thumbnails() {
    return thumbnails;
  }

  void start() {
    enqueue(() -> {
      try {
        put(RecordingLayout.STARTED_EVENT, RecordingDocuments.started(record.channelArn(), record.startedAt(),
            null, 0, 0), "application/json");
      } catch (RuntimeException e) {
        startFailed = true;
        throw e;
      }
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
    if (ended) {
      return;
    }
    String rendition = record.renditionPath();
    int width = record.width();
    int height = record.height();
    if (rendition == null) {
      width = info == null ? 0 : info.width();
      height = info == null ? 0 : info.height();
      rendition = RecordingLayout.renditionPath(height, info == null ? 0 : info.frameRate());
    }
    boolean initChanged = false;
    int initId = init == null ? -1 : init.id() + initOffset;
    if (fmp4 && init != null && initsWritten.add(initId)) {
      put(RecordingLayout.renditionKey(record.keyPrefix(), rendition, RecordingLayout.initFile(initId)),
          init.data(), "video/mp4");
      initChanged = currentInit >= 0;
      currentInit = initId;
    } else if (fmp4 && currentInit < 0 && init != null) {
      currentInit = initId;
    }
    String file = RecordingLayout.segmentFile(segmentCount++, record.container());
    put(RecordingLayout.renditionKey(record.keyPrefix(), rendition, file), bytes,
        fmp4 ? "video/mp4" : "video/mp2t");
    if (initChanged) {
      entries.append("#EXT-X-MAP:URI=\"").append(RecordingLayout.initFile(currentInit)).append("\"\n");
    }
    entries.append(RecordingDocuments.segmentEntry(segment.duration(), segment.programDateTime(),
        segment.discontinuity() || initChanged || (discontinuityNext && segmentCount > 1), file));
    discontinuityNext = false;
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

  /** Runs on the thumbnail pool; the write joins the recording's ordered chain. */
  private void storeThumbnail(byte[] jpeg) {
    enqueue(() -> {
      if (ended) {
        return;
      }
      long index = thumbnailCount++;
      try {
        for (String key : thumbnailPlan.keys(record.keyPrefix(), index)) {
          put(key, jpeg, "image/jpeg");
        }
      } catch (UncheckedIOException e) {
        // A lost thumbnail does not fail the recording; the storage's state is an operating condition, not a bug.
        LOG.warn("thumbnail {} of recording {} not stored: {}", index, record.recordingId(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("thumbnail {} of recording {} not stored", index, record.recordingId(), e);
      }
    });
  }

  private String playlist(boolean finished) {
    String initFile = fmp4 ? RecordingLayout.initFile(Math.max(0, firstInit())) : null;
    String text = RecordingDocuments.playlistHeader(targetDuration, fmp4, finished, initFile) + entries;
    return finished ? text + "#EXT-X-ENDLIST\n" : text;
  }

  private int firstInit() {
    return initsWritten.stream().min(Integer::compare).orElse(0);
  }

  /** The broadcast ended: finish now, or wait for a reconnect when the configuration has a window. */
  @Override
  public void onEnd() {
    if (reconnectWindowSeconds <= 0 || ended) {
      // a failed recording has its verdict (or is retrying it): nothing to wait for
      finishNow();
      return;
    }
    Instant at = clock.instant();
    streamEndedAt = at;
    enqueue(() -> {
      if (ended) {
        return;
      }
      // Persisted as "ended, awaiting reconnect": a crash now is finalised as ENDED on restart, not as a failure.
      record = record.finished(RecordingRecord.STARTED, at);
      repository.update(record);
    });
    onStreamEnded.accept(this);
  }

  /**
   * The channel's next broadcast continues this recording: its segments follow after an EXT-X-DISCONTINUITY,
   * its session gets "Recording Start" (and, at the end, "Recording End").
   */
  void resume(Supplier<StreamInfo> info, Consumer<StreamEvent> sessionEvents) {
    this.streamInfo = requireNonNull(info, "info is null");
    this.events = requireNonNull(sessionEvents, "sessionEvents is null");
    streamEndedAt = null;
    streams++;
    enqueue(() -> {
      discontinuityNext = true;
      // The new broadcast's segmenter numbers its init sections from 0 again; keep ours unique.
      initOffset = initsWritten.stream().max(Integer::compare).map(max -> max + 1).orElse(initOffset);
      record = record.finished(RecordingRecord.STARTED, null);
      repository.update(record);
      events.accept(StreamEvents.recording(StreamEvents.RECORDING_START, clock.instant()));
    });
    LOG.info("recording {} of {} continues with the channel's next broadcast (stream {} of this recording)",
        record.recordingId(), record.channelArn(), streams);
  }

  /** Writes the VOD playlist and the verdict (recording-ended.json or -failed.json) after everything queued so far. */
  void finishNow() {
    enqueue(this::finish);
  }

  private void finish() {
    if (ended) {
      return;
    }
    ended = true;
    verdictThumbnails = thumbnails != null && thumbnailCount > 0;
    if (thumbnails != null) {
      thumbnails.close();
    }
    verdictStatus = failed ? RecordingRecord.FAILED : RecordingRecord.ENDED;
    verdictEndedAt = streamEndedAt != null ? streamEndedAt : clock.instant();
    if (!failed && record.endedAt() == null) {
      // A crash between storing recording-ended.json and finishing the row must not make the restart's recovery
      // add recording-failed.json next to it: with its end time persisted, the recovery ends it RECORDING_ENDED.
      record = record.finished(RecordingRecord.STARTED, verdictEndedAt);
      repository.update(record);
    }
    writeVerdict();
  }

  /**
   * The VOD playlist of what was stored, then {@code recording-ended.json} (or {@code recording-failed.json} for
   * RECORDING_ENDED_WITH_FAILURE, never both); only when both are stored is the
   * recording finished in the repository. A verdict that cannot be stored turns an ENDED recording into a failed
   * one (its playlist is not final) and waits for {@link #retryVerdict()}.
   */
  private void writeVerdict() {
    boolean failing = RecordingRecord.FAILED.equals(verdictStatus);
    try {
      if (record.renditionPath() != null) {
        put(RecordingLayout.renditionKey(record.keyPrefix(), record.renditionPath(),
            RecordingLayout.RENDITION_PLAYLIST), playlist(true).getBytes(StandardCharsets.UTF_8),
            "application/vnd.apple.mpegurl");
      }
      put(RecordingLayout.verdictEvent(verdictStatus), RecordingDocuments.ended(record.channelArn(), record.startedAt(),
          verdictEndedAt, verdictStatus, failing ? "InternalServerException" : null, record.durationMillis(),
          record.renditionPath(), record.width(), record.height(), verdictThumbnails ? thumbnailPlan : null),
          "application/json");
    } catch (UncheckedIOException e) {
      awaitStorage(e);
      return;
    } catch (RuntimeException e) {
      // Not a storage condition (the bucket is gone): the verdict can never be stored, so it is kept here only.
      LOG.warn("recording {} of {}: its end cannot be stored ({}); marked {}", record.recordingId(),
          record.channelArn(), message(e), RecordingRecord.FAILED);
      verdictPending = false;
      record = record.finished(RecordingRecord.FAILED, verdictEndedAt);
      repository.update(record);
      announceFailure();
      onFinished.accept(this);
      return;
    }
    if (verdictPending) {
      LOG.info("recording {} of {}: end ({}) stored", record.recordingId(), record.channelArn(), verdictStatus);
    }
    verdictPending = false;
    record = record.finished(verdictStatus, verdictEndedAt);
    repository.update(record);
    if (RecordingRecord.ENDED.equals(verdictStatus)) {
      events.accept(StreamEvents.recording(StreamEvents.RECORDING_END, clock.instant()));
    } else {
      announceFailure();
    }
    onFinished.accept(this);
  }

  /** The storage refused the verdict (full, failing): the recording is failed and waits for a retry. */
  private void awaitStorage(UncheckedIOException e) {
    if (verdictPending) {
      return;
    }
    verdictPending = true;
    verdictStatus = RecordingRecord.FAILED;
    failed = true;
    LOG.warn("recording {} of {}: its end ({}) is not stored yet ({}); retried until the storage takes it",
        record.recordingId(), record.channelArn(), RecordingRecord.FAILED, message(e));
    if (record.endedAt() != null) {
      // unfinished without an end time: a restart's recovery fails it rather than ending it cleanly
      record = record.finished(RecordingRecord.STARTED, null);
      repository.update(record);
    }
    announceFailure();
    onVerdictPending.accept(this);
  }

  /** Tries again to store the verdict of a recording whose end could not be stored; after queued writes. */
  void retryVerdict() {
    enqueue(() -> {
      if (verdictPending) {
        writeVerdict();
      }
    });
  }

  boolean verdictPending() {
    return verdictPending;
  }

  /** True once the recording has its verdict or is failing: it takes no more segments and cannot be resumed. */
  boolean hasEnded() {
    return ended;
  }

  private void announceFailure() {
    if (!failureAnnounced) {
      failureAnnounced = true;
      events.accept(StreamEvents.recording(startFailed ? StreamEvents.RECORDING_START_FAILURE
          : StreamEvents.RECORDING_END_FAILURE, clock.instant()));
    }
  }

  /** A write failed: the recording fails now (one log line), is announced, and gets its verdict when possible. */
  private void onWriteFailure(RuntimeException e) {
    if (ended) {
      return;
    }
    failed = true;
    if (e instanceof UncheckedIOException) {
      LOG.warn("recording {} of {} failed: {}; the broadcast goes on without recording", record.recordingId(),
          record.channelArn(), message(e));
    } else {
      LOG.warn("recording {} of {} failed; the broadcast goes on without recording", record.recordingId(),
          record.channelArn(), e);
    }
    announceFailure();
    finish();
  }

  private static String message(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  void onFinished(Consumer<S3Recorder> callback) {
    this.onFinished = requireNonNull(callback, "callback is null");
  }

  /** Told when the recording's verdict could not be stored and needs {@link #retryVerdict()}. */
  void onVerdictPending(Consumer<S3Recorder> callback) {
    this.onVerdictPending = requireNonNull(callback, "callback is null");
  }

  /** Told when a broadcast ended and the recording now waits for a reconnect. */
  void onStreamEnded(Consumer<S3Recorder> callback) {
    this.onStreamEnded = requireNonNull(callback, "callback is null");
  }

  /** The facts the reconnect decision needs; only meaningful while waiting. */
  ReconnectWindow.Waiting waiting() {
    Instant endedAt = streamEndedAt;
    return new ReconnectWindow.Waiting(configurationArn, record.container(), reconnectWindowSeconds,
        record.startedAt(), endedAt == null ? clock.instant() : endedAt, streams);
  }

  String channelArn() {
    return record.channelArn();
  }

  String recordingId() {
    return record.recordingId();
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
          try {
            onWriteFailure(e);
          } catch (RuntimeException again) {
            // the chain must go on (a failed future would skip every later task, the verdict included)
            LOG.warn("recording {}: handling a failed write failed too", record.recordingId(), again);
          }
        }
      }, pool);
    }
  }

  private void put(String relativeKey, byte[] bytes, String contentType) {
    String key = relativeKey.startsWith(record.keyPrefix()) ? relativeKey : record.keyPrefix() + "/" + relativeKey;
    objects.put(record.bucket(), key, bytes, contentType);
  }
}
