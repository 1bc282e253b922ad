package dev.onair.rtmp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.testing.MediaTools;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.PublishDecision;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ffmpeg checks the server's half of the digest handshake (S1's digest, S2's signature) when it plays, with the same
 * keys and offsets that librtmp (OBS) uses whenever S1's version bytes are non-zero; it publishes with a digest C1
 * and does not check. So a play attempt against the RTMP server is the real-client check of {@code HandshakeReply}:
 * the server serves no RTMP playback, so ffmpeg fails, but only after the handshake, at the commands.
 */
class RtmpDigestHandshakeFfmpegTest {
  private RtmpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void ffmpegPlaying_acceptsTheServersDigestAndSignature() throws Exception {
    RtmpServerInitializer initializer = new RtmpServerInitializer(
        (app, key) -> PublishDecision.refuse("no playback over RTMP"),
        (request, handle) -> MediaSink.fanOut(List.of()),
        RtmpServerConfig.DEFAULT.withIdleTimeout(Duration.ofSeconds(3)), null);
    server = RtmpServer.start(new InetSocketAddress("127.0.0.1", 0), initializer, 1);

    MediaTools.Result result = MediaTools.run(List.of("ffmpeg", "-hide_banner", "-v", "debug", "-rw_timeout", "4000000",
        "-i", "rtmp://127.0.0.1:" + server.port() + "/app/sk_test", "-t", "1", "-f", "null", "-"), 60);

    String log = result.stderr();
    // ffmpeg checks the digest only for a server version from 3 on; the simple answer's 0.0.0.0 would pass unchecked
    Matcher version = Pattern.compile("Server version (\\d+)\\.").matcher(log);
    assertThat(version.find()).as("ffmpeg read S1's version: %s", log).isTrue();
    assertThat(Integer.parseInt(version.group(1))).as("S1's first version byte").isGreaterThanOrEqualTo(3);
    assertThat(log).as("ffmpeg's checks of S1's digest and S2's signature")
        .doesNotContain("Server response validating failed", "Signature mismatch");
    assertThat(log).as("ffmpeg got past the handshake to the server's answer to connect")
        .contains("Window acknowledgement size", "Creating stream...");
  }
}
