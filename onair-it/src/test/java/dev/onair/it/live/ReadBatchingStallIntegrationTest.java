package dev.onair.it.live;

import static dev.onair.it.live.LiveFixture.await;
import static dev.onair.it.live.LiveFixture.ffmpeg;
import static dev.onair.it.live.LiveFixture.isLive;
import static dev.onair.it.live.LiveFixture.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;

/**
 * A publisher whose bit rate falls 200-fold mid-stream, on the real server's RTMP listener (native epoll, where reads
 * are batched with the socket's receive low-water mark). The mark was measured at the full rate, so without the stall
 * bound the low-rate bytes waited in the kernel until a mark's worth had arrived (here ~10 s) and the 5 s idle
 * timeout closed a publisher that was still sending. Now they are read within a few hundred milliseconds of arriving
 * and the broadcast goes on. What the server has not read is watched where the kernel keeps it: the receive queue
 * of the server's socket ({@code /proc/net/tcp*}, rx_queue).
 */
class ReadBatchingStallIntegrationTest {
  private static final int RTMP_PORT = LiveFixture.freePort();
  /** 2 × 50 ms batch + 100 ms check is the design bound; the rest is slack for a loaded two-core machine. */
  private static final Duration UNREAD_AT_MOST = Duration.ofMillis(1500);
  private static final Duration LOW_RATE_FOR = Duration.ofSeconds(9);

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension("--rtmp-port", Integer.toString(RTMP_PORT));

  private static IvsClient ivs;

  @BeforeAll
  static void clients() {
    ivs = LiveFixture.ivs(ONAIR.process());
  }

  @AfterAll
  static void close() {
    if (ivs != null) {
      ivs.close();
    }
  }

  @Test
  void bitRateFalls200Fold_lowRateBytesAreReadWithinTheBound_andThePublisherStays() {
    CreateChannelResponse channel = ivs.createChannel(r -> r.name("rate-drop").insecureIngest(true));
    String arn = channel.channel().arn();
    try (TrickleRelay relay = new TrickleRelay(RTMP_PORT)) {
      // ~1.5 Mbps CBR, so the mark measured at full rate is a few kilobytes.
      Process encoder = ffmpeg("rtmp://127.0.0.1:" + relay.port() + "/app/" + channel.streamKey().value(), 60,
          "-b:v", "1500k", "-minrate", "1500k", "-maxrate", "1500k", "-bufsize", "1500k", "-x264-params",
          "nal-hrd=cbr");
      try {
        await("channel live through the relay", Duration.ofSeconds(20), () -> isLive(ivs, arn));
        // Full rate long enough for the server to measure it and raise the mark (once a second).
        long before = relay.received();
        LiveFixture.sleep(4000);
        long fullRate = (relay.received() - before) / 4;
        assertThat(fullRate).as("encoder bytes a second at full rate").isGreaterThan(50_000);
        long lowRate = fullRate / 200;
        relay.trickle(lowRate);
        int peerPort = relay.serverSidePort();
        System.out.printf("full rate %d B/s, now %d B/s to the server (peer port %d)%n", fullRate, lowRate, peerPort);

        long longestUnread = 0;
        long unreadSince = -1;
        int samples = 0;
        int sawUnread = 0;
        long end = System.nanoTime() + LOW_RATE_FOR.toNanos();
        while (System.nanoTime() < end) {
          long now = System.nanoTime();
          long queued = unreadAtServer(RTMP_PORT, peerPort);
          assertThat(queued).as("the server's socket for the publisher is still open").isGreaterThanOrEqualTo(0);
          samples++;
          if (queued > 0) {
            sawUnread++;
            if (unreadSince < 0) {
              unreadSince = now;
            }
            longestUnread = Math.max(longestUnread, now - unreadSince);
          } else {
            unreadSince = -1;
          }
          LiveFixture.sleep(10);
        }
        System.out.printf("low rate for %d s: %d samples, %d with bytes unread at the server, longest unread run %d"
            + " ms%n", LOW_RATE_FOR.toSeconds(), samples, sawUnread, longestUnread / 1_000_000);
        assertThat(relay.serverClosed()).as("server kept the publisher's connection").isFalse();
        assertThat(isLive(ivs, arn)).as("still live %d s into the low rate (idle timeout 5 s)",
            LOW_RATE_FOR.toSeconds()).isTrue();
        assertThat(Duration.ofNanos(longestUnread)).as("longest time received bytes waited unread")
            .isLessThan(UNREAD_AT_MOST);
      } finally {
        stop(encoder);
      }
    }
  }

  /**
   * Bytes waiting unread in the receive queue of the server's socket whose local port is {@code serverPort} and peer
   * port {@code peerPort}, from /proc/net/tcp and tcp6 (a dual-stack listener's sockets are in tcp6); -1 when there
   * is no such established socket.
   */
  private static long unreadAtServer(int serverPort, int peerPort) {
    String local = String.format(":%04X", serverPort);
    String remote = String.format(":%04X", peerPort);
    for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(file));
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + file + " (Linux only)", e);
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        // sl local_address rem_address st tx_queue:rx_queue ...; state 01 = ESTABLISHED
        if (f[1].endsWith(local) && f[2].endsWith(remote) && "01".equals(f[3])) {
          return Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
        }
      }
    }
    return -1;
  }
}
