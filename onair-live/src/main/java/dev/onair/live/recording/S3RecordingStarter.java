package dev.onair.live.recording;

import static java.util.Objects.requireNonNull;

import dev.onair.hls.segment.SegmentListener;
import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.port.RecordingConfigurationRepository;
import dev.onair.live.port.RecordingRecord;
import dev.onair.live.port.RecordingRepository;
import dev.onair.live.state.RecordingStarter;
import dev.onair.live.state.StreamEvents;
import dev.onair.rtmp.session.StreamInfo;
import dev.onair.s3.ObjectWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a recording when the channel's recording configuration is ACTIVE, writing through the S3 module's
 * {@link ObjectWriter} (in-process, never over HTTP, as IVS's service-linked role writes with s3:PutObject).
 */
public final class S3RecordingStarter implements RecordingStarter {
  private static final Logger LOG = LoggerFactory.getLogger(S3RecordingStarter.class);

  private final RecordingConfigurationRepository configurations;
  private final RecordingRepository recordings;
  private final ObjectWriter objects;
  private final Executor pool;
  private final IdGenerator ids;
  private final Clock clock;
  private final Set<S3Recorder> active = ConcurrentHashMap.newKeySet();
  /** Recordings whose broadcast ended within their reconnect window, by channel ARN. */
  private final Map<String, S3Recorder> waiting = new ConcurrentHashMap<>();
  /** Failed recordings whose verdict the storage has not taken yet (it was full); retried by {@link #sweep()}. */
  private final Set<S3Recorder> verdictPending = ConcurrentHashMap.newKeySet();
  private final Executor thumbnailPool;
  private final Supplier<Optional<JpegEncoder>> thumbnailEncoder;

  public S3RecordingStarter(RecordingConfigurationRepository configurations, RecordingRepository recordings,
      ObjectWriter objects, Executor pool, IdGenerator ids, Clock clock) {
    this(configurations, recordings, objects, pool, ids, clock, null, Optional::empty);
  }

  /**
   * @param thumbnailPool where keyframes are decoded to thumbnails (bounded; never the ingest thread)
   * @param thumbnailEncoder the JPEG encoder, asked once (on the thumbnail pool) when the first thumbnail is due;
   *     empty when ffmpeg is not installed (logged once; then recordings have no thumbnails)
   */
  public S3RecordingStarter(RecordingConfigurationRepository configurations, RecordingRepository recordings,
      ObjectWriter objects, Executor pool, IdGenerator ids, Clock clock, Executor thumbnailPool,
      Supplier<Optional<JpegEncoder>> thumbnailEncoder) {
    this.configurations = requireNonNull(configurations, "configurations is null");
    this.recordings = requireNonNull(recordings, "recordings is null");
    this.objects = requireNonNull(objects, "objects is null");
    this.pool = requireNonNull(pool, "pool is null");
    this.ids = requireNonNull(ids, "ids is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.thumbnailPool = thumbnailPool;
    this.thumbnailEncoder = memoize(requireNonNull(thumbnailEncoder, "thumbnailEncoder is null"));
  }

  private static Supplier<Optional<JpegEncoder>> memoize(Supplier<Optional<JpegEncoder>> supplier) {
    return new Supplier<>() {
      private Optional<JpegEncoder> value;

      @Override
      public synchronized Optional<JpegEncoder> get() {
        if (value == null) {
          value = supplier.get();
          if (value.isEmpty()) {
            LOG.warn("ffmpeg is not available: recordings get no thumbnails (install ffmpeg to have them)");
          }
        }
        return value;
      }
    };
  }

  @Override
  public SegmentListener start(Channel channel, String streamId, Instant startTime, Supplier<StreamInfo> streamInfo,
      Consumer<StreamEvent> events) {
    Optional<RecordingConfiguration> configuration = configurations.find(channel.recordingConfigurationArn());
    S3Recorder previous = waiting.remove(channel.arn());
    if (previous != null && previous.hasEnded()) {
      previous = null; // failed while waiting: it has (or retries) its verdict and is not continued
    }
    if (configuration.isEmpty() || configuration.get().state() != RecordingConfigurationState.ACTIVE) {
      if (previous != null) {
        previous.finishNow();
      }
      events.accept(StreamEvents.recording(StreamEvents.RECORDING_START_FAILURE, clock.instant()));
      return null;
    }
    if (previous != null) {
      ReconnectWindow.Decision decision = ReconnectWindow.decide(previous.waiting(), configuration.get().arn(),
          channel.containerFormat(), clock.instant());
      if (decision == ReconnectWindow.Decision.MERGE) {
        previous.resume(streamInfo, events);
        return previous;
      }
      LOG.info("recording {} of {} not continued ({}): finalising it", previous.recordingId(), channel.arn(),
          decision);
      previous.finishNow();
    }
    String recordingId = ids.resourceId();
    var arn = channel.parsedArn();
    RecordingRecord record = new RecordingRecord(recordingId, channel.arn(), streamId,
        configuration.get().bucketName(), RecordingLayout.prefix(arn.accountId(), arn.resourceId(), startTime,
            recordingId), startTime, channel.containerFormat(), null, 0, 0, 0, null, RecordingRecord.STARTED, null);
    recordings.create(record);
    ThumbnailPlan plan = thumbnailPool == null ? ThumbnailPlan.DISABLED
        : ThumbnailPlan.of(configuration.get().thumbnailConfiguration());
    S3Recorder recorder = new S3Recorder(objects, recordings, pool, record, streamInfo, events, clock,
        configuration.get().arn(), configuration.get().recordingReconnectWindowSeconds(), plan);
    if (plan.enabled()) {
      recorder.enableThumbnails(thumbnailEncoder, thumbnailPool);
    }
    active.add(recorder);
    recorder.onFinished(finished -> {
      active.remove(finished);
      verdictPending.remove(finished);
    });
    recorder.onVerdictPending(verdictPending::add);
    recorder.onStreamEnded(this::awaitReconnect);
    recorder.start();
    return recorder;
  }

  private void awaitReconnect(S3Recorder recorder) {
    S3Recorder replaced = waiting.put(recorder.channelArn(), recorder);
    if (replaced != null && replaced != recorder) {
      replaced.finishNow();
    }
  }

  /**
   * Finalises the recordings whose reconnect window has passed (recording-ended.json, Recording End) and retries
   * the verdicts the storage refused (it was full); called once a second by the data plane's ticker.
   *
   * @return how many were finalised
   */
  public int sweep() {
    Instant now = clock.instant();
    int finished = 0;
    for (S3Recorder recorder : verdictPending) {
      recorder.retryVerdict();
    }
    for (Map.Entry<String, S3Recorder> entry : waiting.entrySet()) {
      S3Recorder recorder = entry.getValue();
      if (ReconnectWindow.elapsed(recorder.waiting(), now) && waiting.remove(entry.getKey(), recorder)) {
        recorder.finishNow();
        finished++;
      }
    }
    return finished;
  }

  /** Recordings waiting for a reconnect, for tests. */
  int waitingCount() {
    return waiting.size();
  }

  /** Recordings whose verdict waits for storage, for tests. */
  int verdictPendingCount() {
    return verdictPending.size();
  }

  /**
   * Waits until every recording's queued writes are done (at shutdown, after the publishers were disconnected and
   * their final segments and end files queued).
   */
  public void drain(Duration timeout) {
    // Shutdown does not wait out reconnect windows: those recordings end now.
    for (Map.Entry<String, S3Recorder> entry : waiting.entrySet()) {
      if (waiting.remove(entry.getKey(), entry.getValue())) {
        entry.getValue().finishNow();
      }
    }
    for (S3Recorder recorder : verdictPending) {
      recorder.retryVerdict(); // one last try; what still fails is finalised by RecordingRecovery on the next start
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (S3Recorder recorder : Set.copyOf(active)) {
      try {
        recorder.drained().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        // Whatever did not finish is finalised by RecordingRecovery on the next start.
      }
    }
  }
}
