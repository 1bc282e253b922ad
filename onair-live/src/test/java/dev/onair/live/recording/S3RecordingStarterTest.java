package dev.onair.live.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.hls.segment.Part;
import dev.onair.hls.segment.Segment;
import dev.onair.hls.segment.SegmentListener;
import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.ThumbnailConfiguration;
import dev.onair.live.fakes.Fakes;
import dev.onair.live.port.InMemoryRecordingRepository;
import dev.onair.live.port.RecordingRecord;
import dev.onair.rtmp.session.StreamInfo;
import dev.onair.s3.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reconnect window end to end through the starter, with a fake clock and writes run inline. */
class S3RecordingStarterTest {
  private static final Instant T0 = Instant.parse("2025-02-03T04:05:06Z");
  private static final StreamInfo INFO = new StreamInfo("avc1.64001F", 100, 31, 640, 360, 30, "mp4a.40.2", 2,
      44100, 2);

  private final MutableClock clock = new MutableClock(T0);
  private final Fakes.Objects objects = new Fakes.Objects();
  private final InMemoryRecordingRepository repository = new InMemoryRecordingRepository();
  private final Fakes.RecordingConfigurations configurations = new Fakes.RecordingConfigurations();
  private final List<String> events = new ArrayList<>();

  static Stream<Arguments> reconnects() {
    return Stream.of(
        // window s, seconds offline before the reconnect -> same recording?
        Arguments.of(0, 1, false),
        Arguments.of(30, 1, true),
        Arguments.of(30, 30, true),
        Arguments.of(30, 31, false),
        Arguments.of(300, 299, true));
  }

  @ParameterizedTest
  @MethodSource("reconnects")
  void reconnect_mergesWithinTheWindowOnly(int window, int offlineSeconds, boolean merged) {
    S3RecordingStarter starter = starter(window);
    Channel channel = channel();
    SegmentListener first = starter.start(channel, "st-1", clock.instant(), () -> INFO, e -> events.add(e.name()));
    segment(first, false);
    first.onEnd();
    clock.advance(Duration.ofSeconds(offlineSeconds));
    if (offlineSeconds > window) {
      starter.sweep(); // the ticker runs once a second; by now it has finalised the first recording
    }
    SegmentListener second = starter.start(channel, "st-2", clock.instant(), () -> INFO, e -> events.add(e.name()));
    segment(second, true);
    second.onEnd();
    clock.advance(Duration.ofSeconds(window + 1));
    starter.sweep();

    List<String> ended = objects.keys().stream().filter(k -> k.endsWith("events/recording-ended.json")).toList();
    assertThat(second == first).isEqualTo(merged);
    assertThat(ended).hasSize(merged ? 1 : 2);
    assertThat(objects.keys()).noneMatch(k -> k.endsWith("recording-failed.json"));
    assertThat(repository.unfinished()).isEmpty();
    assertThat(events.stream().filter("Recording End"::equals).count()).isEqualTo(merged ? 1 : 2);
    if (merged) {
      String prefix = ended.get(0).replace("/events/recording-ended.json", "");
      String playlist = text(prefix + "/media/hls/360p30/playlist.m3u8");
      assertThat(playlist).contains("0.ts\n#EXT-X-DISCONTINUITY\n", "1.ts\n#EXT-X-ENDLIST\n",
          "#EXT-X-PLAYLIST-TYPE:VOD");
      assertThat(text(ended.get(0))).contains("\"RECORDING_ENDED\"", "\"duration_ms\":4000");
      assertThat(objects.keys()).contains(prefix + "/media/hls/360p30/1.ts");
    }
  }

  @Test
  void endedRecording_waitsOutTheWindowBeforeRecordingEnded() {
    S3RecordingStarter starter = starter(60);
    SegmentListener recorder = starter.start(channel(), "st-1", clock.instant(), () -> INFO,
        e -> events.add(e.name()));
    segment(recorder, false);
    recorder.onEnd();
    clock.advance(Duration.ofSeconds(59));
    assertThat(starter.sweep()).isZero();
    assertThat(objects.keys()).noneMatch(k -> k.endsWith("recording-ended.json"));
    RecordingRecord pending = repository.unfinished().get(0);
    assertThat(pending.endedAt()).isEqualTo(T0);
    assertThat(events).doesNotContain("Recording End");

    clock.advance(Duration.ofSeconds(2));
    assertThat(starter.sweep()).isEqualTo(1);
    assertThat(objects.keys()).filteredOn(k -> k.endsWith("recording-ended.json")).hasSize(1);
    String ended = text(objects.keys().stream().filter(k -> k.endsWith("recording-ended.json")).findFirst()
        .orElseThrow());
    assertThat(ended).contains("\"recording_ended_at\":\"2025-02-03T04:05:06Z\""); // the broadcast's end
    assertThat(events).contains("Recording End");
  }

  @Test
  void shutdown_finalisesRecordingsWaitingForAReconnect() {
    S3RecordingStarter starter = starter(300);
    SegmentListener recorder = starter.start(channel(), "st-1", clock.instant(), () -> INFO, e -> { });
    segment(recorder, false);
    recorder.onEnd();
    starter.drain(Duration.ofSeconds(5));
    assertThat(objects.keys()).filteredOn(k -> k.endsWith("recording-ended.json")).hasSize(1);
    assertThat(repository.unfinished()).isEmpty();
    assertThat(starter.waitingCount()).isZero();
  }

  @Test
  void crashWhileWaiting_isRecoveredAsEnded() {
    S3RecordingStarter starter = starter(300);
    SegmentListener recorder = starter.start(channel(), "st-1", clock.instant(), () -> INFO, e -> { });
    segment(recorder, false);
    recorder.onEnd();
    // The process dies here; a new one recovers from the repository.
    clock.advance(Duration.ofSeconds(10));
    assertThat(new RecordingRecovery(repository, objects, clock).recover()).isEqualTo(1);
    String ended = text(objects.keys().stream().filter(k -> k.endsWith("recording-ended.json")).findFirst()
        .orElseThrow());
    assertThat(ended).contains("\"RECORDING_ENDED\"", "\"recording_ended_at\":\"2025-02-03T04:05:06Z\"");
    assertThat(objects.keys()).noneMatch(k -> k.endsWith("recording-failed.json"));
  }

  @Test
  void crashRightAfterRecordingEnded_isRecoveredAsEnded_neverAlsoFailed() {
    configurations.create(configuration("rc1", 0));
    List<RecordingRecord> atCrash = new ArrayList<>();
    ObjectWriter crashing = (bucket, key, bytes, contentType) -> {
      String etag = objects.put(bucket, key, bytes, contentType);
      if (key.endsWith(RecordingLayout.ENDED_EVENT)) {
        atCrash.addAll(repository.unfinished()); // what the process dying right after this write leaves behind
      }
      return etag;
    };
    S3RecordingStarter starter = new S3RecordingStarter(configurations, repository, crashing, Runnable::run,
        new IdGenerator(), clock, Runnable::run, Optional::empty);
    SegmentListener recorder = starter.start(channel(), "st-1", clock.instant(), () -> INFO, e -> { });
    segment(recorder, false);
    clock.advance(Duration.ofSeconds(5));
    recorder.onEnd();
    assertThat(atCrash).hasSize(1);

    InMemoryRecordingRepository restarted = new InMemoryRecordingRepository();
    atCrash.forEach(restarted::create);
    clock.advance(Duration.ofSeconds(10));
    assertThat(new RecordingRecovery(restarted, objects, clock).recover()).isEqualTo(1);

    assertThat(objects.keys()).noneMatch(k -> k.endsWith("recording-failed.json"));
    List<String> ended = objects.keys().stream().filter(k -> k.endsWith("recording-ended.json")).toList();
    assertThat(ended).hasSize(1);
    assertThat(text(ended.get(0))).contains("\"RECORDING_ENDED\"", "\"recording_ended_at\":\"2025-02-03T04:05:11Z\"");
    assertThat(restarted.find(atCrash.get(0).recordingId()).orElseThrow().status())
        .isEqualTo(RecordingRecord.ENDED);
  }

  @Test
  void otherConfiguration_startsANewRecording() {
    S3RecordingStarter starter = starter(300);
    SegmentListener first = starter.start(channel(), "st-1", clock.instant(), () -> INFO, e -> { });
    segment(first, false);
    first.onEnd();
    RecordingConfiguration other = configuration("rc2", 300);
    configurations.create(other);
    Channel switched = Fakes.channel("chan", false, "NORMAL", "TS", other.arn(), false);
    SegmentListener second = starter.start(switched, "st-2", clock.instant(), () -> INFO, e -> { });
    assertThat(second).isNotSameAs(first);
    assertThat(objects.keys()).filteredOn(k -> k.endsWith("recording-ended.json")).hasSize(1);
  }

  @Test
  void withoutFfmpeg_recordsWithoutThumbnails_andLooksOnce() {
    RecordingConfiguration base = Fakes.recording("rc1", "bucket");
    configurations.create(new RecordingConfiguration(base.arn(), base.name(), base.bucketName(), base.state(),
        ThumbnailConfiguration.DEFAULT, 0, base.renditionConfiguration(), base.createdAt()));
    int[] lookups = {0};
    S3RecordingStarter starter = new S3RecordingStarter(configurations, repository, objects, Runnable::run,
        new IdGenerator(), clock, Runnable::run, () -> {
          lookups[0]++;
          return FfmpegJpegEncoder.detect("/nonexistent/ffmpeg", Duration.ofSeconds(1));
        });
    for (String stream : List.of("st-1", "st-2")) {
      SegmentListener recorder = starter.start(channel(), stream, clock.instant(), () -> INFO, e -> { });
      var frames = ((S3Recorder) recorder).frames();
      frames.onVideoConfig(0, ThumbnailSinkTest.CONFIG);
      frames.onVideo(0, 0, true, ThumbnailSinkTest.IDR);
      assertThat(((S3Recorder) recorder).thumbnails().closed()).isTrue();
      segment(recorder, false);
      recorder.onEnd();
    }
    assertThat(lookups[0]).isEqualTo(1);
    assertThat(objects.keys()).filteredOn(k -> k.endsWith("recording-ended.json")).hasSize(2);
    assertThat(objects.keys()).noneMatch(k -> k.contains("thumb"));
    assertThat(new String(objects.get(objects.keys().stream().filter(k -> k.endsWith("recording-ended.json"))
        .findFirst().orElseThrow()), StandardCharsets.UTF_8)).doesNotContain("thumbnail");
  }

  private S3RecordingStarter starter(int window) {
    configurations.create(configuration("rc1", window));
    return new S3RecordingStarter(configurations, repository, objects, Runnable::run, new IdGenerator(), clock,
        Runnable::run, Optional::empty);
  }

  private static RecordingConfiguration configuration(String id, int window) {
    RecordingConfiguration base = Fakes.recording(id, "bucket");
    return new RecordingConfiguration(base.arn(), base.name(), base.bucketName(), base.state(),
        new ThumbnailConfiguration("DISABLED", 60, null, List.of("SEQUENTIAL")), window,
        base.renditionConfiguration(), base.createdAt());
  }

  private Channel channel() {
    return Fakes.channel("chan", false, "NORMAL", "TS", configurations.byArn.keySet().stream()
        .filter(a -> a.endsWith("/rc1")).findFirst().orElseThrow(), false);
  }

  private void segment(SegmentListener listener, boolean discontinuity) {
    listener.onSegment(new Segment(0, 2.0, clock.instant(), discontinuity, 0,
        List.of(new Part(0, 0, 2.0, true, new byte[] {0x47, 1, 2, 3}))), null);
  }

  private String text(String bucketAndKey) {
    return new String(objects.get(bucketAndKey), StandardCharsets.UTF_8);
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
