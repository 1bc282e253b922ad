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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts a recording when the channel's recording configuration is ACTIVE, writing through the S3 module's
 * {@link ObjectWriter} (in-process, never over HTTP, as IVS's service-linked role writes with s3:PutObject).
 */
public final class S3RecordingStarter implements RecordingStarter {
  private final RecordingConfigurationRepository configurations;
  private final RecordingRepository recordings;
  private final ObjectWriter objects;
  private final Executor pool;
  private final IdGenerator ids;
  private final Clock clock;
  private final Set<S3Recorder> active = ConcurrentHashMap.newKeySet();

  public S3RecordingStarter(RecordingConfigurationRepository configurations, RecordingRepository recordings,
      ObjectWriter objects, Executor pool, IdGenerator ids, Clock clock) {
    this.configurations = requireNonNull(configurations, "configurations is null");
    this.recordings = requireNonNull(recordings, "recordings is null");
    this.objects = requireNonNull(objects, "objects is null");
    this.pool = requireNonNull(pool, "pool is null");
    this.ids = requireNonNull(ids, "ids is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public SegmentListener start(Channel channel, String streamId, Instant startTime, Supplier<StreamInfo> streamInfo,
      Consumer<StreamEvent> events) {
    Optional<RecordingConfiguration> configuration = configurations.find(channel.recordingConfigurationArn());
    if (configuration.isEmpty() || configuration.get().state() != RecordingConfigurationState.ACTIVE) {
      events.accept(StreamEvents.recording(StreamEvents.RECORDING_START_FAILURE, clock.instant()));
      return null;
    }
    String recordingId = ids.resourceId();
    var arn = channel.parsedArn();
    RecordingRecord record = new RecordingRecord(recordingId, channel.arn(), streamId,
        configuration.get().bucketName(), RecordingLayout.prefix(arn.accountId(), arn.resourceId(), startTime,
            recordingId), startTime, channel.containerFormat(), null, 0, 0, 0, null, RecordingRecord.STARTED, null);
    recordings.create(record);
    S3Recorder recorder = new S3Recorder(objects, recordings, pool, record, streamInfo, events, clock);
    active.add(recorder);
    recorder.onFinished(active::remove);
    recorder.start();
    return recorder;
  }

  /**
   * Waits until every recording's queued writes are done (at shutdown, after the publishers were disconnected and
   * their final segments and end files queued).
   */
  public void drain(Duration timeout) {
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
