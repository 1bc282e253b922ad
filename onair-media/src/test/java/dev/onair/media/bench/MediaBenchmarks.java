package dev.onair.media.bench;

import dev.onair.hls.mux.TsMuxer;
import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.media.testing.FlvReader;
import dev.onair.media.testing.FlvReplay;
import dev.onair.media.testing.FlvTag;
import dev.onair.media.testing.MediaTools;
import dev.onair.rtmp.chunk.ChunkDecoder;
import dev.onair.rtmp.chunk.ChunkEncoder;
import dev.onair.rtmp.message.RawMessage;
import dev.onair.rtmp.session.MediaSink;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the hot paths on the 4 s sample clip. Each op processes the whole clip, so
 * MB/s = clip bytes × ops/s (printed at setup). Run with
 * {@code mvn -pl onair-media test-compile exec:java ...} or from an IDE via {@link #main}; not
 * part of the normal build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MediaBenchmarks {
  private byte[] chunkStream;
  private AvcDecoderConfig video;
  private AacConfig audio;
  private final List<Object[]> frames = new ArrayList<>();

  @Setup
  public void setUp() {
    List<FlvTag> tags = FlvReader.read(MediaTools.sampleFlv());
    ChunkEncoder encoder = new ChunkEncoder(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encoder.encode(new RawMessage(2, 1, 0, 0, new byte[] {0, 0, 0x10, 0}), out); // chunk size 4096
    for (FlvTag tag : tags) {
      encoder.encode(new RawMessage(tag.isVideo() ? 6 : 4, tag.type(), tag.timestamp(), 1, tag.data()), out);
    }
    chunkStream = out.toByteArray();
    FlvReplay.replay(tags, new MediaSink() {
      @Override
      public void onVideoConfig(long dts, AvcDecoderConfig config) {
        video = config;
      }

      @Override
      public void onVideo(long dts, int cts, boolean key, byte[] avcc) {
        frames.add(new Object[] {dts, cts, key, avcc});
      }

      @Override
      public void onAudioConfig(long dts, AacConfig config) {
        audio = config;
      }

      @Override
      public void onAudio(long dts, byte[] frame) {
        frames.add(new Object[] {dts, frame});
      }

      @Override
      public void onEnd() {}
    }, false);
    System.out.println("chunk stream bytes per op: " + chunkStream.length);
  }

  @Benchmark
  public void chunkDecoder(Blackhole hole) {
    new ChunkDecoder().decode(ByteBuffer.wrap(chunkStream), hole::consume);
  }

  @Benchmark
  public void tsMuxer(Blackhole hole) {
    TsMuxer muxer = new TsMuxer();
    muxer.setVideoConfig(video);
    muxer.setAudioConfig(audio);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    muxer.writeTables(out);
    for (Object[] f : frames) {
      if (f.length == 4) {
        muxer.writeVideo((Long) f[0], (Integer) f[1], (Boolean) f[2], (byte[]) f[3], out);
      } else {
        muxer.writeAudio((Long) f[0], (byte[]) f[1], out);
      }
    }
    hole.consume(out.size());
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(MediaBenchmarks.class.getSimpleName()).build()).run();
  }
}
