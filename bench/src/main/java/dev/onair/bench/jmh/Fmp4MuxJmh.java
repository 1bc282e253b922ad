package dev.onair.bench.jmh;

import dev.onair.hls.mux.Fmp4Muxer;
import dev.onair.hls.mux.Fmp4Sample;
import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * fMP4 muxing throughput (onair-media's MediaBenchmarks covers the chunk decoder and the TS muxer, not fMP4):
 * the same 4 s clip as MediaBenchmarks (ffmpeg testsrc 320x240@30, x264 veryfast, -g 30 -bf 0, AAC 96k, made by
 * bench/engines.sh as {@code bench/target/sample.flv}) cut into 200 ms LL-HLS parts, each muxed into one
 * moof+mdat. One op = the whole clip, so MB/s = clip payload bytes (printed at setup) x ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class Fmp4MuxJmh {
  private static final long PART_MS = 200;

  private AvcDecoderConfig video;
  private AacConfig audio;
  private final List<List<Fmp4Sample>> videoParts = new ArrayList<>();
  private final List<List<Fmp4Sample>> audioParts = new ArrayList<>();

  @Setup
  public void setUp() throws IOException {
    byte[] flv = Files.readAllBytes(Path.of(System.getProperty("bench.flv", "target/sample.flv")));
    List<long[]> videoTiming = new ArrayList<>();
    List<byte[]> videoData = new ArrayList<>();
    List<long[]> audioTiming = new ArrayList<>();
    List<byte[]> audioData = new ArrayList<>();
    int at = 9 + 4; // FLV header + PreviousTagSize0
    long payload = 0;
    while (at + 11 <= flv.length) {
      int type = flv[at] & 0x1F;
      int size = ((flv[at + 1] & 0xFF) << 16) | ((flv[at + 2] & 0xFF) << 8) | (flv[at + 3] & 0xFF);
      long ts = ((flv[at + 4] & 0xFF) << 16) | ((flv[at + 5] & 0xFF) << 8) | (flv[at + 6] & 0xFF)
          | ((long) (flv[at + 7] & 0xFF) << 24);
      byte[] d = Arrays.copyOfRange(flv, at + 11, at + 11 + size);
      at += 11 + size + 4;
      if (type == 9 && d.length > 5 && (d[0] & 0x0F) == 7) {
        if (d[1] == 0) {
          video = AvcDecoderConfig.parse(Arrays.copyOfRange(d, 5, d.length));
        } else if (d[1] == 1) {
          int cts = (d[2] << 16) | ((d[3] & 0xFF) << 8) | (d[4] & 0xFF);
          videoTiming.add(new long[] {ts, cts, (d[0] & 0xF0) == 0x10 ? 1 : 0});
          videoData.add(Arrays.copyOfRange(d, 5, d.length));
          payload += d.length - 5;
        }
      } else if (type == 8 && d.length > 2 && (d[0] & 0xF0) == 0xA0) {
        if (d[1] == 0) {
          audio = AacConfig.parse(Arrays.copyOfRange(d, 2, d.length));
        } else {
          audioTiming.add(new long[] {ts});
          audioData.add(Arrays.copyOfRange(d, 2, d.length));
          payload += d.length - 2;
        }
      }
    }
    long end = videoTiming.get(videoTiming.size() - 1)[0] + 33;
    long audioClock = 0;
    for (long partStart = 0; partStart < end; partStart += PART_MS) {
      List<Fmp4Sample> v = new ArrayList<>();
      for (int i = 0; i < videoTiming.size(); i++) {
        long[] t = videoTiming.get(i);
        if (t[0] >= partStart && t[0] < partStart + PART_MS) {
          long next = i + 1 < videoTiming.size() ? videoTiming.get(i + 1)[0] : end;
          v.add(new Fmp4Sample(t[0] * 90, (int) (Math.max(1, next - t[0]) * 90), (int) (t[1] * 90), t[2] == 1,
              videoData.get(i)));
        }
      }
      List<Fmp4Sample> a = new ArrayList<>();
      for (int i = 0; i < audioTiming.size(); i++) {
        long t = audioTiming.get(i)[0];
        if (t >= partStart && t < partStart + PART_MS) {
          a.add(new Fmp4Sample(audioClock, 1024, 0, true, audioData.get(i)));
          audioClock += 1024;
        }
      }
      videoParts.add(v);
      audioParts.add(a);
    }
    System.out.println("fmp4 payload bytes per op: " + payload + " in " + videoParts.size() + " parts");
  }

  @Benchmark
  public void fmp4Muxer(Blackhole hole) {
    Fmp4Muxer muxer = new Fmp4Muxer(video, audio);
    hole.consume(muxer.initSegment());
    for (int i = 0; i < videoParts.size(); i++) {
      hole.consume(muxer.fragment(i + 1, videoParts.get(i), audioParts.get(i)));
    }
  }
}
