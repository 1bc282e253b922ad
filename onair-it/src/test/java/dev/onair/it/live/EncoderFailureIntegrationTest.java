package dev.onair.it.live;

import static dev.onair.it.live.LiveFixture.await;
import static dev.onair.it.live.LiveFixture.eventNames;
import static dev.onair.it.live.LiveFixture.ffmpeg;
import static dev.onair.it.live.LiveFixture.isLive;
import static dev.onair.it.live.LiveFixture.stop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.it.OnairExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.StreamHealth;

/**
 * Encoders that fail the way real ones do: killed outright, cut off by the network without a FIN, or sending
 * garbage. Each ends its own session within seconds (IVS: "Stream End", "Session Ended", ChannelNotBroadcasting)
 * and never disturbs another channel streaming at the same time.
 */
class EncoderFailureIntegrationTest {
  private static final int RTMP_PORT = LiveFixture.freePort();
  /** The server's idle timeout is 5 s; allow for the ticker, the events write and a loaded machine. */
  private static final Duration ENDS_WITHIN = Duration.ofSeconds(12);

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
  void killedEncoder_sessionEndsWithinSeconds() {
    CreateChannelResponse channel = ivs.createChannel(r -> r.name("killed").insecureIngest(true));
    String arn = channel.channel().arn();
    Process encoder = ffmpeg(url(RTMP_PORT, channel.streamKey().value()), 60);
    try {
      await("channel live", Duration.ofSeconds(20), () -> isLive(ivs, arn));
      LiveFixture.sleep(1500);
      long killedAt = System.nanoTime();
      encoder.destroyForcibly(); // SIGKILL: the kernel closes the socket, ffmpeg sends no deleteStream
      await("session ended after SIGKILL", ENDS_WITHIN, () -> !isLive(ivs, arn));
      System.out.printf("SIGKILLed encoder: channel offline after %d ms%n", (System.nanoTime() - killedAt) / 1_000_000);
      assertEnded(arn);
    } finally {
      stop(encoder);
    }
  }

  @Test
  void silentConnection_endsByIdleTimeout() {
    CreateChannelResponse channel = ivs.createChannel(r -> r.name("silent").insecureIngest(true));
    String arn = channel.channel().arn();
    try (FaultyRelay relay = new FaultyRelay(RTMP_PORT)) {
      Process encoder = ffmpeg(url(relay.port(), channel.streamKey().value()), 60);
      try {
        await("channel live through the relay", Duration.ofSeconds(20), () -> isLive(ivs, arn));
        LiveFixture.sleep(1500);
        long frozenAt = System.nanoTime();
        relay.freeze(); // both sockets stay open; the server just stops receiving
        await("session ended after the encoder went silent", ENDS_WITHIN, () -> !isLive(ivs, arn));
        System.out.printf("silent encoder: channel offline after %d ms%n", (System.nanoTime() - frozenAt) / 1_000_000);
        assertEnded(arn);
      } finally {
        stop(encoder);
      }
    }
  }

  @Test
  void garbageMidStream_endsThatSession_otherChannelUnaffected() throws Exception {
    CreateChannelResponse victim = ivs.createChannel(r -> r.name("garbage").insecureIngest(true));
    CreateChannelResponse bystander = ivs.createChannel(r -> r.name("bystander").insecureIngest(true));
    String victimArn = victim.channel().arn();
    String bystanderArn = bystander.channel().arn();
    Process healthy = ffmpeg(url(RTMP_PORT, bystander.streamKey().value()), 60);
    try (FaultyRelay relay = new FaultyRelay(RTMP_PORT)) {
      Process broken = ffmpeg(url(relay.port(), victim.streamKey().value()), 60);
      try {
        await("both channels live", Duration.ofSeconds(20), () -> isLive(ivs, victimArn) && isLive(ivs, bystanderArn));
        LiveFixture.sleep(1500);
        String bystanderStream = ivs.getStream(r -> r.channelArn(bystanderArn)).stream().streamId();
        long msnBefore = lastMsn(bystander.channel().playbackUrl());
        long injectedAt = System.nanoTime();
        relay.injectGarbage();
        await("garbage ends the victim's session", ENDS_WITHIN, () -> !isLive(ivs, victimArn));
        System.out.printf("garbage: channel offline after %d ms%n", (System.nanoTime() - injectedAt) / 1_000_000);
        assertEnded(victimArn);

        // The bystander kept its stream (same id), stays healthy and keeps producing segments.
        var stream = ivs.getStream(r -> r.channelArn(bystanderArn)).stream();
        assertThat(stream.streamId()).isEqualTo(bystanderStream);
        assertThat(stream.health()).isEqualTo(StreamHealth.HEALTHY);
        await("bystander's playlist advances", Duration.ofSeconds(15),
            () -> lastMsn(bystander.channel().playbackUrl()) >= msnBefore + 2);
        assertThat(eventNames(ivs, bystanderArn)).doesNotContain("Stream End", "Session Ended");
        assertThat(healthy.isAlive()).as("bystander's encoder still streaming").isTrue();
      } finally {
        stop(broken);
      }
    } finally {
      stop(healthy);
    }
  }

  private static void assertEnded(String arn) {
    assertThatThrownBy(() -> ivs.getStream(r -> r.channelArn(arn))).isInstanceOf(ChannelNotBroadcastingException.class);
    // The broadcast leaves the live map first, then its events and end time are stored: poll for both.
    await("session events and end time written", Duration.ofSeconds(5),
        () -> eventNames(ivs, arn).containsAll(List.of("Stream End", "Session Ended"))
            && ivs.getStreamSession(r -> r.channelArn(arn)).streamSession().endTime() != null);
  }

  private static long lastMsn(String playbackUrl) {
    var master = LiveFixture.get(playbackUrl);
    assertThat(master.statusCode()).isEqualTo(200);
    String media = LiveFixture.get(LiveFixture.mediaPlaylist(playbackUrl, master.body())).body();
    return media.lines().filter(l -> l.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
        .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElseThrow()
        + media.lines().filter(l -> l.startsWith("#EXTINF")).count();
  }

  private static String url(int port, String key) {
    return "rtmp://127.0.0.1:" + port + "/app/" + key;
  }
}
