package dev.onair.media.bench;

import dev.onair.hls.segment.ContainerFormat;
import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.hls.segment.SegmenterConfig;
import dev.onair.media.testing.FlvReader;
import dev.onair.media.testing.FlvTag;
import dev.onair.media.testing.MediaTools;
import dev.onair.rtmp.chunk.ChunkEncoder;
import dev.onair.rtmp.message.CommandMessage;
import dev.onair.rtmp.message.RawMessage;
import dev.onair.rtmp.message.RtmpMessageCodec;
import dev.onair.rtmp.message.SetChunkSize;
import dev.onair.rtmp.netty.RtmpHandshakeHandler;
import dev.onair.rtmp.netty.RtmpServerConfig;
import dev.onair.rtmp.netty.RtmpServerInitializer;
import dev.onair.rtmp.session.PublishDecision;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One publisher's per-frame cost on the ingest → segmenter → LL-HLS path, the way the server's event loop sees it at
 * 10 streams: every op is one read that carries one RTMP message (a video or an audio frame, in stream order), copied
 * into a buffer from the channel's allocator as a socket read would be, pushed through the real pipeline ({@link
 * RtmpServerInitializer}: idle handler, chunk decoder, session, FLV parsing) into a {@link LiveSegmenter} cutting TS
 * segments with LL-HLS parts (the IVS LOW-latency defaults). The clip is bench/media.py's (720p30 H.264 at 3 Mbps, GOP
 * 2 s, 128 kbps AAC at 48 kHz), chunked at 4096 bytes with ffmpeg's header compression, and loops seamlessly (the
 * repeated unit is the second pass of the clip, whose relative timestamps continue the first).
 *
 * <p>{@code playlistEvery} &gt; 0 also renders the LOW-latency media playlist every that many frames, as a polling
 * player would (bench/media.py's probe polls at 10 Hz: about every 8 frames). Report ns/op and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} (bytes per frame). Run: bench/engines.sh's classpath, regex {@code IngestPathBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-XX:MaxTenuringThreshold=1", "-Xmx1g"})
public class IngestPathBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int CHUNK_SIZE = 4096;
  private static final int PUBLISH_STREAM = 1;

  @Param({"0", "8"})
  public int playlistEvery;

  private byte[][] unit;
  private EmbeddedChannel channel;
  private LiveSegmenter segmenter;
  private ByteBufAllocator alloc;
  private int next;
  private long frames;
  private long iterationCpu;
  private long iterationFrames;

  @Setup(Level.Trial)
  public void setUp() {
    List<FlvTag> tags = new ArrayList<>();
    for (FlvTag tag : FlvReader.read(MediaTools.benchClip720p3m())) {
      if (tag.isVideo() || tag.isAudio()) {
        tags.add(tag);
      }
    }
    long last = tags.get(tags.size() - 1).timestamp();
    long clipMillis = last + 33;
    ChunkEncoder client = new ChunkEncoder(true);
    channel = new EmbeddedChannel(new RtmpServerInitializer((app, key) -> PublishDecision.accept(),
        (request, handle) -> segmenter, RtmpServerConfig.DEFAULT));
    alloc = channel.alloc();
    segmenter = new LiveSegmenter(SegmenterConfig.defaults(ContainerFormat.TS), Clock.systemUTC());
    byte[] c0c1 = new byte[1 + RtmpHandshakeHandler.HANDSHAKE_SIZE];
    c0c1[0] = 3;
    channel.writeInbound(Unpooled.wrappedBuffer(c0c1));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[RtmpHandshakeHandler.HANDSHAKE_SIZE]));
    send(client, RtmpMessageCodec.encode(new CommandMessage(0, "connect", 1,
        Map.of("app", "app", "tcUrl", "rtmp://127.0.0.1/app"), List.of())));
    send(client, RtmpMessageCodec.encode(new SetChunkSize(CHUNK_SIZE)));
    send(client, RtmpMessageCodec.encode(new CommandMessage(0, "createStream", 2, null, List.of())));
    send(client, RtmpMessageCodec.encode(new CommandMessage(PUBLISH_STREAM, "publish", 3, null,
        List.of("sk_bench", "live"))));
    channel.releaseOutbound();
    // First pass goes straight in (sequence headers, first segments); the second pass is the unit that repeats.
    for (FlvTag tag : tags) {
      send(client, raw(tag, 0));
    }
    unit = new byte[tags.size()][];
    for (int i = 0; i < tags.size(); i++) {
      unit[i] = client.encode(raw(tags.get(i), clipMillis));
    }
    channel.releaseOutbound();
    if (segmenter.snapshot().segments().isEmpty()) {
      throw new IllegalStateException("the first pass cut no segment: the pipeline did not publish");
    }
  }

  private static RawMessage raw(FlvTag tag, long offset) {
    return new RawMessage(tag.isVideo() ? RtmpMessageCodec.CSID_VIDEO : RtmpMessageCodec.CSID_AUDIO, tag.type(),
        tag.timestamp() + offset, PUBLISH_STREAM, tag.data());
  }

  private void send(ChunkEncoder client, RawMessage message) {
    channel.writeInbound(Unpooled.wrappedBuffer(client.encode(message)));
  }

  @Benchmark
  public void frame(Blackhole hole) {
    byte[] bytes = unit[next];
    next = next + 1 == unit.length ? 0 : next + 1;
    ByteBuf read = alloc.ioBuffer(bytes.length);
    read.writeBytes(bytes);
    channel.writeInbound(read);
    frames++;
    if (playlistEvery > 0 && frames % playlistEvery == 0) {
      hole.consume(segmenter.playlist(true));
    }
    if (next == 0) {
      channel.releaseOutbound(); // acknowledgements, once per clip
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    iterationCpu = THREADS.getCurrentThreadCpuTime();
    iterationFrames = frames;
  }

  /**
   * CPU nanoseconds of this thread per frame over the iteration: on a shared, loaded machine the wall-clock score
   * includes time the thread waited for a core, this does not.
   */
  @TearDown(Level.Iteration)
  public void endIteration() {
    long cpu = THREADS.getCurrentThreadCpuTime() - iterationCpu;
    long count = frames - iterationFrames;
    System.out.printf("%n[cpu] %.0f ns of thread CPU per frame over %d frames%n", (double) cpu / count, count);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (segmenter.snapshot().segments().isEmpty() || !channel.isOpen()) {
      throw new IllegalStateException("the stream stopped being segmented");
    }
    channel.finishAndReleaseAll();
  }
}
