package dev.onair.rtmp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.hls.mux.ProbeAssertionsAccess;
import dev.onair.hls.segment.ContainerFormat;
import dev.onair.hls.segment.HlsNaming;
import dev.onair.hls.segment.InitSection;
import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.hls.segment.Segment;
import dev.onair.hls.segment.SegmentWindow;
import dev.onair.hls.segment.SegmenterConfig;
import dev.onair.media.testing.MediaTools;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.PublishDecision;
import dev.onair.rtmp.session.PublisherHandle;
import dev.onair.rtmp.session.StreamInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real ffmpeg publishes to the Netty server; the segmenter output must satisfy ffprobe. */
class RtmpFfmpegEndToEndTest {
  @TempDir Path dir;

  private final AtomicReference<LiveSegmenter> segmenter = new AtomicReference<>();
  private final AtomicReference<PublisherHandle> publisher = new AtomicReference<>();
  private final AtomicReference<StreamInfo> streamInfo = new AtomicReference<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private RtmpServer server;

  private void startServer(ContainerFormat format, Duration idleTimeout) throws InterruptedException {
    startServer(format, idleTimeout, null);
  }

  private void startServer(ContainerFormat format, Duration idleTimeout, io.netty.handler.ssl.SslContext ssl)
      throws InterruptedException {
    RtmpServerInitializer initializer = new RtmpServerInitializer(
        (app, key) -> "app".equals(app) && "sk_test".equals(key)
            ? PublishDecision.accept() : PublishDecision.refuse("unknown stream key"),
        (request, handle) -> {
          LiveSegmenter live = new LiveSegmenter(SegmenterConfig.defaults(format), Clock.systemUTC());
          segmenter.set(live);
          publisher.set(handle);
          return MediaSink.fanOut(List.of(live, new MediaSink() {
            @Override
            public void onStreamInfo(StreamInfo info) {
              streamInfo.set(info);
            }

            @Override
            public void onVideoConfig(long dts, dev.onair.media.codec.AvcDecoderConfig config) {}

            @Override
            public void onVideo(long dts, int cts, boolean key, byte[] avcc) {}

            @Override
            public void onAudioConfig(long dts, dev.onair.media.codec.AacConfig config) {}

            @Override
            public void onAudio(long dts, byte[] frame) {}

            @Override
            public void onEnd() {
              ended.countDown();
            }
          }));
        },
        RtmpServerConfig.DEFAULT.withIdleTimeout(idleTimeout), ssl);
    server = RtmpServer.start(new InetSocketAddress("127.0.0.1", 0), initializer, 1);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private List<String> ffmpeg(String key, int seconds) {
    return ffmpeg("rtmp", key, seconds);
  }

  private List<String> ffmpeg(String scheme, String key, int seconds) {
    return new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-v", "error", "-re",
        "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
        "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
        "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-g", "30", "-bf", "2", "-c:a", "aac", "-ar", "48000",
        "-f", "flv", scheme + "://127.0.0.1:" + server.port() + "/app/" + key));
  }

  @ParameterizedTest
  @EnumSource(ContainerFormat.class)
  void ffmpegPublish_producesSegmentsFfprobeAccepts(ContainerFormat format) throws Exception {
    startServer(format, Duration.ofSeconds(5));
    MediaTools.Result result = MediaTools.run(ffmpeg("sk_test", 5), 90);
    assertThat(result.exitCode()).as("ffmpeg stderr: %s", result.stderr()).isZero();
    assertThat(ended.await(5, TimeUnit.SECONDS)).as("sink ended").isTrue();

    LiveSegmenter live = segmenter.get();
    SegmentWindow window = live.snapshot();
    assertThat(window.segments()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(streamInfo.get().videoCodec()).startsWith("avc1.");
    assertThat(streamInfo.get().width()).isEqualTo(320);
    assertThat(streamInfo.get().audioCodec()).isEqualTo("mp4a.40.2");
    assertThat(streamInfo.get().sampleRate()).isEqualTo(48000);

    Files.writeString(dir.resolve("index.m3u8"), live.playlist(false));
    for (InitSection init : window.inits()) {
      Files.write(dir.resolve(HlsNaming.DEFAULT.init(init.id())), init.data());
    }
    for (Segment segment : window.segments()) {
      Files.write(dir.resolve(HlsNaming.DEFAULT.segment(segment.msn(), format)), segment.toByteArray());
    }
    ProbeAssertionsAccess.assertH264Aac(dir.resolve("index.m3u8"), 320, 240, 5.0, 0.5);
  }

  @Test
  void ffmpegPublish_overRtmps_producesSegments() throws Exception {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    MediaTools.Result openssl = MediaTools.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost"), 60);
    assertThat(openssl.exitCode()).as(openssl.stderr()).isZero();
    startServer(ContainerFormat.FMP4, Duration.ofSeconds(5),
        io.netty.handler.ssl.SslContextBuilder.forServer(cert.toFile(), key.toFile()).build());
    MediaTools.Result result = MediaTools.run(ffmpeg("rtmps", "sk_test", 3), 90);
    assertThat(result.exitCode()).as("ffmpeg stderr: %s", result.stderr()).isZero();
    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(segmenter.get().snapshot().segments()).isNotEmpty();
  }

  @Test
  void ffmpegPublish_wrongKey_isRefused() throws Exception {
    startServer(ContainerFormat.TS, Duration.ofSeconds(5));
    MediaTools.Result result = MediaTools.run(ffmpeg("sk_wrong", 5), 60);
    assertThat(result.exitCode()).isNotZero();
    assertThat(segmenter.get()).isNull();
  }

  @Test
  void publisherHandle_disconnect_endsPublishAndStopsFfmpeg() throws Exception {
    startServer(ContainerFormat.TS, Duration.ofSeconds(5));
    Process process = new ProcessBuilder(replaceTool(ffmpeg("sk_test", 60)))
        .redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while ((segmenter.get() == null || segmenter.get().snapshot().segments().isEmpty())
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(segmenter.get().snapshot().segments()).isNotEmpty();
      publisher.get().disconnect();
      assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("ffmpeg exits after disconnect").isTrue();
      assertThat(segmenter.get().playlist(false)).endsWith("#EXT-X-ENDLIST\n");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void silentPeer_isClosedAfterIdleTimeout() throws Exception {
    startServer(ContainerFormat.TS, Duration.ofMillis(300));
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      byte[] c0c1 = new byte[1537];
      c0c1[0] = 3;
      out.write(c0c1);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(1 + 2 * 1536);
      assertThat(reply).hasSize(3073);
      out.write(new byte[1536]);
      out.flush();
      long start = System.nanoTime();
      assertThat(in.read()).as("server closes the idle connection").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  private static List<String> replaceTool(List<String> command) {
    List<String> copy = new ArrayList<>(command);
    copy.set(0, MediaTools.require(command.get(0)));
    return copy;
  }
}
