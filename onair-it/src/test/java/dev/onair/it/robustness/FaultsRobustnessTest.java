package dev.onair.it.robustness;

import static dev.onair.it.robustness.Robustness.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import dev.onair.it.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.StreamState;

/**
 * Faults a deployed server meets: a crowd of idle and half-sent connections, and an encoder that starts sending
 * garbage in the middle of a live stream.
 *
 * <p>Covered elsewhere, not repeated here: SIGKILL during writes, nothing acknowledged lost
 * ({@code dev.onair.it.iam.IamCrashIntegrationTest}); recording crash recovery on restart (onair-live's
 * {@code LiveDataPlane.start} recovery, exercised by onair-live's tests, and at the process level by
 * {@link KillDuringRecordingRobustnessTest}). Disk full while recording: {@link DiskFullRobustnessTest}.
 */
class FaultsRobustnessTest {
  private static final int RTMP_PORT = freePort();
  private static final int IDLE_CONNECTIONS = 1_000;
  /** What "still served" means while the crowd is connected: generous, the build machine is small and shared. */
  private static final Duration SERVED_WITHIN = Duration.ofSeconds(5);

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension("--rtmp-port", Integer.toString(RTMP_PORT));

  private static IvsClient ivs;

  @BeforeAll
  static void clients() {
    ivs = IvsClient.builder().endpointOverride(ONAIR.process().endpoint()).region(Region.US_WEST_2)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void close() {
    if (ivs != null) {
      ivs.close();
    }
  }

  @Test
  void aThousandIdleAndHalfSentHttpConnectionsDoNotStarveOtherClients() throws Exception {
    OnairProcess onair = ONAIR.process();
    long rssBefore = Robustness.rssKib(onair);
    List<Socket> crowd = new ArrayList<>();
    try {
      for (int i = 0; i < IDLE_CONNECTIONS; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", onair.httpPort()), 5000);
        if (i % 5 == 0) { // slowloris: a request head that never ends
          socket.getOutputStream().write(utf8("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
          socket.getOutputStream().flush();
        }
        crowd.add(socket);
      }
      long worst = 0;
      for (int i = 0; i < 20; i++) {
        long start = System.nanoTime();
        try (RawHttp http = new RawHttp(onair.httpPort(), SERVED_WITHIN)) {
          assertThat(http.exchange(utf8("GET /_onair/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).status())
              .isEqualTo(200);
          RawHttp.Reply signed = http.exchange(Robustness.signed(onair, "sts", "POST", "/",
              utf8("Action=GetCallerIdentity&Version=2011-06-15"), "Content-Type",
              "application/x-www-form-urlencoded; charset=utf-8"));
          assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        }
        worst = Math.max(worst, System.nanoTime() - start);
      }
      long rssDuring = Robustness.rssKib(onair);
      System.out.printf("robustness idle crowd: %d connections open (1 in 5 half-sent); worst health+signed pair on a"
          + " new connection %d ms; RSS %d -> %d MiB%n", crowd.size(), worst / 1_000_000, rssBefore / 1024,
          rssDuring / 1024);
      assertThat(Duration.ofNanos(worst)).isLessThan(SERVED_WITHIN);
      if (rssBefore > 0 && rssDuring > 0) {
        assertThat(rssDuring - rssBefore).as("RSS growth (KiB) for 1,000 idle connections").isLessThan(256 * 1024);
      }
    } finally {
      for (Socket socket : crowd) {
        socket.close();
      }
    }
  }

  @Test
  void idleRtmpConnectionsAreReclaimedByTheIdleTimeout() throws Exception {
    List<Socket> crowd = new ArrayList<>();
    try {
      for (int i = 0; i < IDLE_CONNECTIONS; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", RTMP_PORT), 5000);
        if (i % 2 == 0) { // half of them stop after C0+C1
          byte[] c0c1 = new byte[1537];
          c0c1[0] = 3;
          socket.getOutputStream().write(c0c1);
          socket.getOutputStream().flush();
        }
        socket.setSoTimeout(1);
        crowd.add(socket);
      }
      // the server's RTMP idle timeout is 5 s (LiveSettings); allow generous slack on a loaded machine
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int open = crowd.size();
      while (open > 0 && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        open = 0;
        for (Socket socket : crowd) {
          if (!closedByPeer(socket)) {
            open++;
          }
        }
      }
      System.out.println("robustness idle RTMP: " + (crowd.size() - open) + " of " + crowd.size()
          + " idle connections closed by the server");
      assertThat(open).as("idle RTMP connections still open after the idle timeout").isZero();
      // and a new publisher is still welcome
      try (RawHttp http = new RawHttp(ONAIR.process().httpPort(), SERVED_WITHIN)) {
        assertThat(http.exchange(utf8("GET /_onair/health HTTP/1.1\r\nHost: x\r\n\r\n")).status()).isEqualTo(200);
      }
    } finally {
      for (Socket socket : crowd) {
        socket.close();
      }
    }
  }

  @Test
  void anEncoderSendingGarbageMidStreamEndsOnlyItsOwnSession() throws Exception {
    Path ffmpeg = Tools.require("ffmpeg");
    Path clip = Files.createTempFile("onair-robustness-", ".flv");
    try {
      Process make = new ProcessBuilder(ffmpeg.toString(), "-y", "-v", "error", "-f", "lavfi", "-i",
          "testsrc=size=320x240:rate=30", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100", "-t", "4",
          "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "30", "-bf", "0", "-c:a", "aac",
          "-b:a", "64k", "-f", "flv", clip.toString()).redirectErrorStream(true).start();
      assertThat(make.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(make.exitValue()).isZero();

      CreateChannelResponse healthy = ivs.createChannel(r -> r.name("robust-healthy").insecureIngest(true));
      CreateChannelResponse broken = ivs.createChannel(r -> r.name("robust-garbage").insecureIngest(true));
      Channel healthyChannel = healthy.channel();
      Channel brokenChannel = broken.channel();
      try (GarbageRelay relay = new GarbageRelay(RTMP_PORT, Duration.ofSeconds(4))) {
        Process good = publish(ffmpeg, clip, "rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + healthy.streamKey().value());
        Process bad = publish(ffmpeg, clip, "rtmp://127.0.0.1:" + relay.port() + "/app/" + broken.streamKey().value());
        try {
          await(() -> live(healthyChannel.arn()) && live(brokenChannel.arn()), 30);
          await(relay::injected, 30);
          // the garbage ends the broken session ...
          await(() -> !live(brokenChannel.arn()), 30);
          // ... and the other stream keeps producing segments
          String before = mediaPlaylist(healthyChannel.playbackUrl());
          Thread.sleep(5000);
          String after = mediaPlaylist(healthyChannel.playbackUrl());
          assertThat(live(healthyChannel.arn())).as("the healthy stream is still live").isTrue();
          assertThat(lastSegment(after)).as("the healthy stream's playlist advances").isNotEqualTo(lastSegment(before));
          assertThat(good.isAlive()).as("the healthy publisher is still connected").isTrue();
          System.out.println("robustness garbage encoder: broken session ended, healthy one advanced from "
              + lastSegment(before) + " to " + lastSegment(after));
        } finally {
          good.destroy();
          bad.destroy();
          good.waitFor(10, TimeUnit.SECONDS);
          bad.waitFor(10, TimeUnit.SECONDS);
        }
      }
    } finally {
      Files.deleteIfExists(clip);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Process publish(Path ffmpeg, Path clip, String url) throws IOException {
    return new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1",
        "-i", clip.toString(), "-c", "copy", "-f", "flv", url)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static boolean live(String arn) {
    try {
      return ivs.getStream(r -> r.channelArn(arn)).stream().state() == StreamState.LIVE;
    } catch (ChannelNotBroadcastingException offline) {
      return false;
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static String mediaPlaylist(String playbackUrl) throws Exception {
    String master = HTTP.send(HttpRequest.newBuilder(URI.create(playbackUrl)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String media = Arrays.stream(master.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst()
        .orElseThrow(() -> new AssertionError("no variant in " + master));
    return HTTP.send(HttpRequest.newBuilder(URI.create(playbackUrl).resolve(media.trim())).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String lastSegment(String playlist) {
    String last = null;
    Matcher matcher = Pattern.compile("(?m)^([^#\\s][^\\s]*)$").matcher(playlist);
    while (matcher.find()) {
      last = matcher.group(1);
    }
    return last;
  }

  private static boolean closedByPeer(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      while (true) {
        if (in.read(buffer) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("condition not met within " + seconds + " s");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A TCP relay between one encoder and the server that forwards faithfully for {@code clean}, then writes 64 KiB
   * of random bytes into the stream (as a broken encoder or a corrupting middlebox would) and goes on relaying.
   */
  private static final class GarbageRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean injected;

    GarbageRelay(int serverPort, Duration clean) throws IOException {
      listener = new ServerSocket(0);
      Thread acceptor = new Thread(() -> {
        try (Socket client = listener.accept(); Socket server = new Socket("127.0.0.1", serverPort)) {
          synchronized (sockets) {
            sockets.add(client);
            sockets.add(server);
          }
          Thread down = new Thread(() -> pump(server, client, null));
          down.setDaemon(true);
          down.start();
          pump(client, server, clean);
        } catch (IOException ignored) {
          // closed
        }
      }, "garbage-relay");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    boolean injected() {
      return injected;
    }

    private void pump(Socket from, Socket to, Duration clean) {
      long start = System.nanoTime();
      byte[] buffer = new byte[16384];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          if (clean != null && !injected && System.nanoTime() - start > clean.toNanos()) {
            byte[] garbage = new byte[65536];
            new Random(42).nextBytes(garbage);
            injected = true;
            out.write(garbage);
          }
          out.flush();
        }
      } catch (IOException closed) {
        // either side went away
      } finally {
        try {
          to.close();
          from.close();
        } catch (IOException ignored) {
          // closing
        }
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
      synchronized (sockets) {
        for (Socket socket : sockets) {
          socket.close();
        }
      }
    }
  }
}
