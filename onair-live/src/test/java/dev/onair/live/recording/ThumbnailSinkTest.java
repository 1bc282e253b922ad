package dev.onair.live.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.codec.AvcDecoderConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When keyframes become thumbnails: interval on the wall clock, never two decodes at once, never on ingest. */
class ThumbnailSinkTest {
  private static final byte[] SPS = {0x67, 0x64, 0x00, 0x1F};
  private static final byte[] PPS = {0x68, (byte) 0xEE, 0x3C, (byte) 0x80};
  static final byte[] IDR = {0, 0, 0, 3, 0x65, (byte) 0x88, 0x01};
  static final AvcDecoderConfig CONFIG = new AvcDecoderConfig(new byte[0], 100, 0, 31, 4, List.of(SPS),
      List.of(PPS), null);

  static Stream<Arguments> schedules() {
    return Stream.of(
        // interval s, keyframe times (ms) with decodes finishing at once -> how many thumbnails
        Arguments.of(60, new long[] {0, 2_000, 4_000, 59_000}, 1),
        Arguments.of(60, new long[] {0, 60_000, 120_000}, 3),
        Arguments.of(5, new long[] {0, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000}, 3),
        Arguments.of(1, new long[] {0, 1_000, 2_000}, 3));
  }

  @ParameterizedTest
  @MethodSource("schedules")
  void interval_decidesWhichKeyframes(int intervalSeconds, long[] keyframes, int expected) {
    S3RecordingStarterTest.MutableClock clock = new S3RecordingStarterTest.MutableClock(Instant.EPOCH);
    List<byte[]> stored = new ArrayList<>();
    ThumbnailSink sink = new ThumbnailSink(new ThumbnailPlan(true, intervalSeconds * 1000L, true, false, null),
        (annexB, maxHeight) -> new byte[] {(byte) 0xFF, (byte) 0xD8}, Runnable::run, clock::millis, stored::add);
    sink.onVideoConfig(0, CONFIG);
    long previous = 0;
    for (long at : keyframes) {
      clock.advance(Duration.ofMillis(at - previous));
      previous = at;
      sink.onVideo(at, 0, true, IDR);
      sink.onVideo(at + 33, 0, false, IDR); // non-keyframes never count
    }
    assertThat(stored).hasSize(expected);
  }

  @Test
  void keyframeWhileDecoding_isSkipped_andTheDecodeGetsAnnexBWithParameterSets() {
    S3RecordingStarterTest.MutableClock clock = new S3RecordingStarterTest.MutableClock(Instant.EPOCH);
    Queue<Runnable> pool = new ArrayDeque<>();
    List<byte[]> decoded = new ArrayList<>();
    List<byte[]> stored = new ArrayList<>();
    ThumbnailSink sink = new ThumbnailSink(new ThumbnailPlan(true, 1000, true, false, null), (annexB, h) -> {
      decoded.add(annexB);
      return new byte[] {(byte) 0xFF, (byte) 0xD8};
    }, pool::add, clock::millis, stored::add);

    sink.onVideo(0, 0, true, IDR); // no sequence header yet: nothing to decode with
    assertThat(pool).isEmpty();
    sink.onVideoConfig(0, CONFIG);
    sink.onVideo(0, 0, true, IDR);
    assertThat(pool).hasSize(1);
    assertThat(decoded).isEmpty(); // queued, not decoded on the ingest thread
    clock.advance(Duration.ofSeconds(2));
    sink.onVideo(2000, 0, true, IDR);
    assertThat(pool).hasSize(1); // the first is still running: skipped
    pool.poll().run();
    assertThat(stored).hasSize(1);
    sink.onVideo(2033, 0, true, IDR); // the interval has elapsed and the decoder is free again
    assertThat(pool).hasSize(1);
    pool.poll().run();
    assertThat(stored).hasSize(2);

    byte[] annexB = decoded.get(0);
    assertThat(annexB).startsWith(0, 0, 0, 1, 0x09, (byte) 0xF0, 0, 0, 0, 1, 0x67);
    assertThat(annexB).endsWith(0, 0, 0, 1, 0x65, (byte) 0x88, 0x01);
  }

  @Test
  void failedDecode_costsOneThumbnail() {
    S3RecordingStarterTest.MutableClock clock = new S3RecordingStarterTest.MutableClock(Instant.EPOCH);
    List<byte[]> stored = new ArrayList<>();
    int[] calls = {0};
    ThumbnailSink sink = new ThumbnailSink(new ThumbnailPlan(true, 1000, true, false, null), (annexB, h) -> {
      if (calls[0]++ == 0) {
        throw new java.io.IOException("ffmpeg took longer than 5000 ms");
      }
      return new byte[] {(byte) 0xFF, (byte) 0xD8};
    }, Runnable::run, clock::millis, stored::add);
    sink.onVideoConfig(0, CONFIG);
    sink.onVideo(0, 0, true, IDR);
    clock.advance(Duration.ofSeconds(1));
    sink.onVideo(1000, 0, true, IDR);
    assertThat(stored).hasSize(1);
    assertThat(sink.busy()).isFalse();
  }
}
