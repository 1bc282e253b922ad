package dev.onair.hls.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.media.testing.FlvReader;
import dev.onair.media.testing.FlvReplay;
import dev.onair.media.testing.FlvTag;
import dev.onair.media.testing.MediaTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LiveSegmenterTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final byte[] IDR = {0, 0, 0, 5, 0x65, (byte) 0x88, (byte) 0x84, 0, 1};
  private static final byte[] NON_IDR = {0, 0, 0, 5, 0x41, (byte) 0x9A, 0, 0, 1};

  @TempDir Path dir;

  private static AvcDecoderConfig videoConfig() {
    for (FlvTag tag : FlvReader.read(MediaTools.sampleFlv())) {
      if (tag.isVideo() && tag.data()[1] == 0) {
        return AvcDecoderConfig.parse(Arrays.copyOfRange(tag.data(), 5, tag.data().length));
      }
    }
    throw new AssertionError("no AVC sequence header in sample");
  }

  private static AacConfig audioConfig() {
    return AacConfig.parse(new byte[] {0x12, 0x10}); // AAC-LC 44.1 kHz stereo
  }

  /** 30 fps video with a keyframe every {@code gopFrames}, plus AAC at ~43 frames/s. */
  private static void feed(LiveSegmenter segmenter, long startMillis, int frames, int gopFrames) {
    for (int i = 0; i < frames; i++) {
      long dts = startMillis + Math.round(i * 1000.0 / 30);
      segmenter.onVideo(dts, 0, i % gopFrames == 0, i % gopFrames == 0 ? IDR : NON_IDR);
      if (i % 2 == 0) {
        segmenter.onAudio(dts, new byte[] {0x21, 0x10, 0x04});
      }
    }
  }

  private static LiveSegmenter started(ContainerFormat format) {
    LiveSegmenter segmenter = new LiveSegmenter(SegmenterConfig.defaults(format), CLOCK);
    segmenter.onVideoConfig(0, videoConfig());
    segmenter.onAudioConfig(0, audioConfig());
    return segmenter;
  }

  @ParameterizedTest
  @EnumSource(ContainerFormat.class)
  void cuts_onKeyframesAtTarget_partsNeverExceedPartTarget(ContainerFormat format) {
    LiveSegmenter segmenter = started(format);
    feed(segmenter, 0, 30 * 9, 30); // 9 s, 1 s GOP, 2 s target
    SegmentWindow window = segmenter.snapshot();

    assertThat(window.segments()).extracting(Segment::msn).containsExactly(0L, 1L, 2L, 3L);
    assertThat(window.segments()).allSatisfy(s -> {
      assertThat(s.duration()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
      assertThat(s.parts().get(0).independent()).isTrue();
      // 30 fps with millisecond timestamps (33/34 ms): parts land exactly on 0.5 s, no tail part
      assertThat(s.parts()).hasSize(4).allSatisfy(p ->
          assertThat(p.duration()).isBetween(0.85 * 0.5, 0.5));
    });
    assertThat(window.openMsn()).isEqualTo(4);
    assertThat(window.openParts()).isNotEmpty();
    assertThat(window.targetDuration()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(ContainerFormat.class)
  void window_isBounded_andMediaSequenceAdvances(ContainerFormat format) {
    LiveSegmenter segmenter = started(format);
    feed(segmenter, 0, 30 * 60, 60); // 60 s
    SegmentWindow window = segmenter.snapshot();
    assertThat(window.segments()).hasSize(10);
    assertThat(window.lastCompletedMsn()).isEqualTo(28);
    String playlist = segmenter.playlist(false);
    assertThat(playlist).contains("#EXT-X-MEDIA-SEQUENCE:23\n");
    assertThat(playlist.lines().filter(l -> l.startsWith("#EXTINF")).count()).isEqualTo(6);
    assertThat(segmenter.segment(18)).isEmpty();
    assertThat(segmenter.segment(19)).isPresent();
  }

  @Test
  void lowLatencyPlaylist_hasPartInfServerControlAndPreloadHint() {
    LiveSegmenter segmenter = started(ContainerFormat.FMP4);
    feed(segmenter, 0, 30 * 7, 60);
    String playlist = segmenter.playlist(true);
    assertThat(playlist)
        .contains("#EXT-X-PART-INF:PART-TARGET=0.500\n")
        .contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.500,HOLD-BACK=6.000\n")
        .contains("#EXT-X-MAP:URI=\"init0.mp4\"\n")
        .contains("#EXT-X-PART:DURATION=0.500,URI=\"part3.0.m4s\",INDEPENDENT=YES\n")
        .contains("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"part3.");
    assertThat(playlist.lines().filter(l -> l.startsWith("#EXT-X-PRELOAD-HINT")).count()).isEqualTo(1);
    // parts only for recent segments
    assertThat(playlist).doesNotContain("part0.0.m4s");
    assertThat(segmenter.playlist(false)).doesNotContain("EXT-X-PART").doesNotContain("PRELOAD");
  }

  @Test
  void await_completesWhenPartAppears_andTimesOut() throws Exception {
    LiveSegmenter segmenter = started(ContainerFormat.FMP4);
    feed(segmenter, 0, 15, 60);
    SegmentWindow window = segmenter.snapshot();
    assertThat(window.openMsn()).isZero();
    int next = window.openParts().size();

    CompletableFuture<SegmentWindow> nextPart = segmenter.await(0, next, Duration.ofSeconds(5));
    CompletableFuture<SegmentWindow> nextSegment = segmenter.await(0, -1, Duration.ofSeconds(5));
    CompletableFuture<SegmentWindow> never = segmenter.await(5, 0, Duration.ofMillis(50));
    assertThat(nextPart).isNotDone();
    feed(segmenter, 500, 30, 60);
    assertThat(nextPart).isCompleted();
    assertThat(nextPart.get().part(0, next)).isPresent();
    assertThat(nextSegment).isNotDone();
    feed(segmenter, 1500, 45, 30);
    assertThat(nextSegment).isCompleted();
    assertThatThrownBy(never::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void await_partPastEndOfSegment_meansFirstPartOfNext() {
    LiveSegmenter segmenter = started(ContainerFormat.TS);
    feed(segmenter, 0, 61, 60); // segment 0 complete, segment 1 open with its keyframe only
    SegmentWindow window = segmenter.snapshot();
    int parts = window.segment(0).orElseThrow().parts().size();
    assertThat(window.satisfies(0, parts)).isFalse(); // part 0 of msn 1 not complete yet
    feed(segmenter, 2033, 30, 60);
    assertThat(segmenter.snapshot().satisfies(0, parts)).isTrue();
  }

  @Test
  void isTooFarAhead_rejectsMsnBeyondNext() {
    LiveSegmenter segmenter = started(ContainerFormat.FMP4);
    feed(segmenter, 0, 30 * 5, 60);
    SegmentWindow window = segmenter.snapshot();
    assertThat(window.isTooFarAhead(window.openMsn(), 0)).isFalse();
    assertThat(window.isTooFarAhead(window.openMsn() + 1, -1)).isFalse();
    assertThat(window.isTooFarAhead(window.openMsn() + 2, -1)).isTrue();
    assertThat(window.isTooFarAhead(window.openMsn(), 50)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(ContainerFormat.class)
  void republish_addsDiscontinuity_msnKeepsGrowing_timelineMonotonic(ContainerFormat format) {
    LiveSegmenter segmenter = started(format);
    List<Segment> recorded = new ArrayList<>();
    segmenter.addListener((segment, init) -> recorded.add(segment));
    feed(segmenter, 0, 30 * 5, 60);
    segmenter.onEnd();
    assertThat(segmenter.playlist(false)).endsWith("#EXT-X-ENDLIST\n");
    long lastMsn = segmenter.snapshot().lastCompletedMsn();

    feed(segmenter, 0, 30 * 5, 60); // encoder restarts its clock at 0
    SegmentWindow window = segmenter.snapshot();
    Segment firstAfter = window.segment(lastMsn + 1).orElseThrow();
    assertThat(firstAfter.discontinuity()).isTrue();
    assertThat(segmenter.playlist(false)).contains("#EXT-X-DISCONTINUITY\n").doesNotContain("ENDLIST");
    assertThat(recorded).extracting(Segment::msn).isSorted().doesNotHaveDuplicates();
    Instant previous = Instant.MIN;
    for (Segment s : window.segments()) {
      assertThat(s.programDateTime()).isAfterOrEqualTo(previous);
      previous = s.programDateTime();
    }
  }

  @Test
  void codecChange_startsNewInitSection() {
    LiveSegmenter segmenter = started(ContainerFormat.FMP4);
    feed(segmenter, 0, 30 * 3, 30);
    byte[] changed = videoConfig().record().clone();
    changed[3] = 0x1F; // level 3.1: a different configuration record
    segmenter.onVideoConfig(3000, AvcDecoderConfig.parse(changed));
    feed(segmenter, 3000, 30 * 3, 30);
    SegmentWindow window = segmenter.snapshot();
    assertThat(window.inits()).extracting(InitSection::id).containsExactly(0, 1);
    assertThat(segmenter.playlist(false)).contains("#EXT-X-MAP:URI=\"init1.mp4\"");
  }

  @ParameterizedTest
  @EnumSource(ContainerFormat.class)
  void realMedia_playlistOnDisk_isReadableByFfprobe(ContainerFormat format) throws Exception {
    LiveSegmenter segmenter = new LiveSegmenter(SegmenterConfig.defaults(format), CLOCK);
    FlvReplay.replay(FlvReader.read(MediaTools.sampleFlvWithBFrames()), segmenter, true);
    writeToDisk(segmenter, dir);
    dev.onair.hls.mux.ProbeAssertionsAccess.assertH264Aac(dir.resolve("index.m3u8"), 320, 240, 4.0, 0.3);
  }

  @Test
  void tsParts_eachStartWithPat_andVariantReportsStream() {
    LiveSegmenter segmenter = new LiveSegmenter(SegmenterConfig.defaults(ContainerFormat.TS), CLOCK);
    FlvReplay.replay(FlvReader.read(MediaTools.sampleFlv()), segmenter, true);
    SegmentWindow window = segmenter.snapshot();
    assertThat(window.segments()).isNotEmpty().allSatisfy(s -> assertThat(s.parts()).allSatisfy(p -> {
      assertThat(p.data()[0]).isEqualTo((byte) 0x47);
      assertThat(((p.data()[1] & 0x1F) << 8) | (p.data()[2] & 0xFF)).isZero();
    }));
    dev.onair.hls.playlist.Variant variant = segmenter.variant("index.m3u8", 1);
    assertThat(variant.codecs()).isEqualTo("avc1.64000D,mp4a.40.2");
    assertThat(variant.width()).isEqualTo(320);
    assertThat(variant.frameRate()).isEqualTo(30.0);
    assertThat(variant.bandwidth()).isGreaterThan(variant.averageBandwidth()).isGreaterThan(10_000);
  }

  @ParameterizedTest
  @EnumSource(ContainerFormat.class)
  void timedMetadata_travelsInThePartOfTheNextVideoFrame(ContainerFormat format) {
    LiveSegmenter segmenter = started(format);
    feed(segmenter, 0, 10, 60);
    byte[] tag = dev.onair.hls.mux.Id3Tag.txxx("", "cue-42");
    assertThat(segmenter.addTimedMetadata(tag)).isTrue();
    feed(segmenter, 1000, 130, 60);
    List<byte[]> carrying = new ArrayList<>();
    for (Segment segment : segmenter.snapshot().segments()) {
      for (Part part : segment.parts()) {
        if (indexOf(part.data(), tag) >= 0) {
          carrying.add(part.data());
        }
      }
    }
    assertThat(carrying).as("exactly one part carries the tag").hasSize(1);
    if (format == ContainerFormat.FMP4) {
      assertThat(new String(carrying.get(0), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("emsg");
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Writes the playlist, init sections, segments and parts as files named like the playlist URIs. */
  static void writeToDisk(LiveSegmenter segmenter, Path dir) throws Exception {
    SegmentWindow window = segmenter.snapshot();
    Files.writeString(dir.resolve("index.m3u8"), segmenter.playlist(false));
    Files.writeString(dir.resolve("ll.m3u8"), segmenter.playlist(true));
    for (InitSection init : window.inits()) {
      Files.write(dir.resolve(HlsNaming.DEFAULT.init(init.id())), init.data());
    }
    for (Segment segment : window.segments()) {
      Files.write(dir.resolve(HlsNaming.DEFAULT.segment(segment.msn(), window.format())), segment.toByteArray());
      for (Part part : segment.parts()) {
        Files.write(dir.resolve(HlsNaming.DEFAULT.part(part.msn(), part.index(), window.format())), part.data());
      }
    }
  }
}
