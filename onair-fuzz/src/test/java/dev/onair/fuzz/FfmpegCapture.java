package dev.onair.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.rtmp.netty.RtmpServer;
import dev.onair.rtmp.netty.RtmpServerConfig;
import dev.onair.rtmp.netty.RtmpServerInitializer;
import dev.onair.rtmp.netty.RtmpHandshakeHandler;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.PublishDecision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real publisher's bytes, as seeds for the RTMP fuzz ("mutated real captures"): ffmpeg publishes two seconds of
 * H.264 (with B-frames) and AAC through a recording relay to Onair's own RTMP server, and what ffmpeg sent after the
 * handshake (connect, releaseStream, FCPublish, createStream, publish, @setDataFrame, sequence headers, media) is
 * kept, up to the fuzz's input cap. Captured once per test JVM. Between runs only a few bytes differ (the relay's
 * port in connect's tcUrl); a failing input is printed whole by {@link FuzzTries}, so it replays without them.
 */
final class FfmpegCapture {
  private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
  private static byte[] publish;

  private FfmpegCapture() {}

  static synchronized byte[] publish(int cap) {
    if (publish == null) {
      publish = capture();
    }
    return Arrays.copyOf(publish, Math.min(cap, publish.length));
  }

  private static byte[] capture() {
    assertThat(Files.isExecutable(FFMPEG)).as("ffmpeg (apt-get install ffmpeg) is required for the RTMP fuzz's "
        + "real capture seeds, at " + FFMPEG).isTrue();
    RtmpServerInitializer initializer = new RtmpServerInitializer((app, key) -> PublishDecision.accept(),
        (request, handle) -> new DiscardingSink(), RtmpServerConfig.DEFAULT);
    RtmpServer server;
    try {
      server = RtmpServer.start(new InetSocketAddress("127.0.0.1", 0), initializer, 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Process ffmpeg = new ProcessBuilder(FFMPEG.toString(), "-hide_banner", "-loglevel", "error",
          "-f", "lavfi", "-i", "testsrc=size=320x180:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=44100",
          "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-bf", "2", "-pix_fmt", "yuv420p",
          "-c:a", "aac", "-f", "flv", "rtmp://127.0.0.1:" + relay.getLocalPort() + "/app/sk_capture")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try (Socket client = relay.accept(); Socket upstream = new Socket("127.0.0.1", server.port())) {
        Thread back = new Thread(() -> pump(upstream, client, null), "capture-server-to-ffmpeg");
        back.setDaemon(true);
        back.start();
        pump(client, upstream, sent);
      } finally {
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg publish for the capture").isTrue();
        ffmpeg.destroyForcibly();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      server.close();
    }
    byte[] all = sent.toByteArray();
    int handshake = 1 + 2 * RtmpHandshakeHandler.HANDSHAKE_SIZE; // C0, C1, C2
    assertThat(all.length).as("ffmpeg sent more than its handshake").isGreaterThan(handshake + 1_000);
    return Arrays.copyOfRange(all, handshake, all.length);
  }

  /** Copies until either side closes; records what passed when {@code record} is given. */
  private static void pump(Socket from, Socket to, ByteArrayOutputStream record) {
    byte[] buffer = new byte[16_384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (record != null) {
          record.write(buffer, 0, n);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException closed) {
      // one side went away: the publish is over
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static final class DiscardingSink implements MediaSink {
    @Override
    public void onVideoConfig(long dtsMillis, AvcDecoderConfig config) {}

    @Override
    public void onVideo(long dtsMillis, int compositionTimeMillis, boolean keyframe, byte[] avcc) {}

    @Override
    public void onAudioConfig(long dtsMillis, AacConfig config) {}

    @Override
    public void onAudio(long dtsMillis, byte[] aacFrame) {}

    @Override
    public void onEnd() {}
  }

  static List<byte[]> seeds(int cap) {
    byte[] capture = publish(cap);
    // the whole opening, and a stretch from the middle (media chunks only, mid-message)
    return List.of(capture, Arrays.copyOfRange(capture, capture.length / 2, capture.length));
  }
}
