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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A storage that fills up during a recording: the recording fails at the first refused write (no later segment is
 * stored, even once space is back), the session hears it once, and the verdict (VOD playlist of what was stored,
 * recording-failed.json RECORDING_ENDED_WITH_FAILURE, never recording-ended.json) is written as soon as the storage
 * takes it again, by the starter's sweep. Until then the recording stays unfinished, so a restart would give it the
 * verdict instead.
 */
class S3RecorderStorageFullTest {
  private static final Instant T0 = Instant.parse("2025-02-03T04:05:06Z");
  private static final StreamInfo INFO = new StreamInfo("avc1.64001F", 100, 31, 640, 360, 30, "mp4a.40.2", 2,
      44100, 2);

  static Stream<Arguments> fillings() {
    return Stream.of(
        // writes accepted before the storage is full, segments offered, expected segments in the VOD playlist,
        // the failure event
        Arguments.of("full from the third segment", 1 + 2 * 2 + 1, 5, List.of("0.ts", "1.ts"),
            "Recording End Failure"),
        Arguments.of("full before recording-started.json", 0, 3, List.of(), "Recording Start Failure"),
        Arguments.of("full only for the end", 1 + 3 * 2 + 1, 3, List.of("0.ts", "1.ts", "2.ts"),
            "Recording End Failure"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fillings")
  void fullStorage_failsTheRecording_andTheVerdictFollowsWhenSpaceReturns(String name, int acceptedWrites,
      int segments, List<String> recorded, String failureEvent) {
    FillingObjects objects = new FillingObjects(acceptedWrites);
    InMemoryRecordingRepository repository = new InMemoryRecordingRepository();
    Fakes.RecordingConfigurations configurations = new Fakes.RecordingConfigurations();
    RecordingConfiguration base = Fakes.recording("rc1", "bucket");
    configurations.create(new RecordingConfiguration(base.arn(), base.name(), base.bucketName(), base.state(),
        new ThumbnailConfiguration("DISABLED", 60, null, List.of("SEQUENTIAL")), 0, base.renditionConfiguration(),
        base.createdAt()));
    Channel channel = Fakes.channel("chan", false, "NORMAL", "TS", base.arn(), false);
    List<String> events = new ArrayList<>();
    S3RecordingStarter starter = new S3RecordingStarter(configurations, repository, objects, Runnable::run,
        new IdGenerator(), Clock.fixed(T0, ZoneOffset.UTC), Runnable::run, Optional::empty);

    SegmentListener recorder = starter.start(channel, "st-1", T0, () -> INFO, e -> events.add(e.name()));
    for (int i = 0; i < segments; i++) {
      recorder.onSegment(new Segment(i, 2.0, T0.plusSeconds(2L * i), false, 0,
          List.of(new Part(0, 0, 2.0, true, new byte[] {0x47, (byte) i}))), null);
    }
    recorder.onEnd();
    starter.sweep();

    assertThat(events).containsOnlyOnce(failureEvent).doesNotContain("Recording End");
    assertThat(repository.unfinished()).as("no verdict stored yet, so a restart would write it").hasSize(1);
    assertThat(objects.keys()).noneMatch(k -> k.endsWith("recording-ended.json"))
        .noneMatch(k -> k.endsWith("recording-failed.json"));

    objects.free();
    recorder.onSegment(new Segment(segments, 2.0, T0, false, 0, List.of(new Part(0, 0, 2.0, true,
        new byte[] {0x47}))), null);
    starter.sweep();

    assertThat(repository.unfinished()).isEmpty();
    assertThat(starter.verdictPendingCount()).isZero();
    assertThat(objects.keys()).as("a failure is not an end").noneMatch(k -> k.endsWith("recording-ended.json"));
    String failed = objects.text(objects.keys().stream().filter(k -> k.endsWith("events/recording-failed.json"))
        .findFirst().orElseThrow());
    assertThat(failed).contains("\"recording_status\":\"RECORDING_ENDED_WITH_FAILURE\"",
        "\"recording_status_message\":\"InternalServerException\"");
    List<String> stored = objects.keys().stream().filter(k -> k.endsWith(".ts"))
        .map(k -> k.substring(k.lastIndexOf('/') + 1)).toList();
    assertThat(stored).as("nothing recorded after the failure").containsExactlyElementsOf(recorded);
    if (!recorded.isEmpty()) {
      String vod = objects.text(objects.keys().stream().filter(k -> k.endsWith("/playlist.m3u8")).findFirst()
          .orElseThrow());
      assertThat(vod).contains("#EXT-X-ENDLIST");
      assertThat(vod.lines().filter(l -> l.endsWith(".ts")).toList()).containsExactlyElementsOf(recorded);
    }
    assertThat(events).containsOnlyOnce(failureEvent).doesNotContain("Recording End");
    assertThat(repository.find(recordingId(objects)).map(RecordingRecord::status)).contains(RecordingRecord.FAILED);
  }

  @org.junit.jupiter.api.Test
  void bucketGone_failsTheRecordingWithoutRetrying() {
    FillingObjects objects = new FillingObjects(1 + 3 + 1);
    objects.refuseWith = () -> new IllegalStateException("bucket bucket does not exist");
    InMemoryRecordingRepository repository = new InMemoryRecordingRepository();
    Fakes.RecordingConfigurations configurations = new Fakes.RecordingConfigurations();
    RecordingConfiguration base = Fakes.recording("rc1", "bucket");
    configurations.create(new RecordingConfiguration(base.arn(), base.name(), base.bucketName(), base.state(),
        new ThumbnailConfiguration("DISABLED", 60, null, List.of("SEQUENTIAL")), 0, base.renditionConfiguration(),
        base.createdAt()));
    List<String> events = new ArrayList<>();
    S3RecordingStarter starter = new S3RecordingStarter(configurations, repository, objects, Runnable::run,
        new IdGenerator(), Clock.fixed(T0, ZoneOffset.UTC), Runnable::run, Optional::empty);
    SegmentListener recorder = starter.start(Fakes.channel("chan", false, "NORMAL", "TS", base.arn(), false),
        "st-1", T0, () -> INFO, e -> events.add(e.name()));
    for (int i = 0; i < 3; i++) {
      recorder.onSegment(new Segment(i, 2.0, T0, false, 0, List.of(new Part(0, 0, 2.0, true,
          new byte[] {0x47}))), null);
    }
    starter.sweep();

    assertThat(events).containsOnlyOnce("Recording End Failure");
    assertThat(repository.unfinished()).isEmpty();
    assertThat(starter.verdictPendingCount()).isZero();
  }

  private static String recordingId(FillingObjects objects) {
    String key = objects.keys().stream().filter(k -> k.endsWith("events/recording-failed.json")).findFirst()
        .orElseThrow();
    String prefix = key.substring(0, key.length() - "/events/recording-failed.json".length());
    return prefix.substring(prefix.lastIndexOf('/') + 1);
  }

  /** Accepts a number of writes, then refuses every write as a full disk does until {@link #free()}. */
  private static final class FillingObjects implements ObjectWriter {
    private final Fakes.Objects stored = new Fakes.Objects();
    private int accepted;
    private boolean full;
    java.util.function.Supplier<RuntimeException> refuseWith =
        () -> new UncheckedIOException(new IOException("No space left on device"));

    FillingObjects(int accepted) {
      this.accepted = accepted;
    }

    @Override
    public synchronized String put(String bucket, String key, byte[] bytes, String contentType) {
      if (full || accepted-- <= 0) {
        full = true;
        throw refuseWith.get();
      }
      return stored.put(bucket, key, bytes, contentType);
    }

    synchronized void free() {
      full = false;
      accepted = Integer.MAX_VALUE;
    }

    List<String> keys() {
      return stored.keys();
    }

    String text(String bucketAndKey) {
      return new String(stored.get(bucketAndKey), StandardCharsets.UTF_8);
    }
  }
}
