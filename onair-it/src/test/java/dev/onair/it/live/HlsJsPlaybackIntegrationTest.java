package dev.onair.it.live;

import static dev.onair.it.live.LiveFixture.await;
import static dev.onair.it.live.LiveFixture.ffmpeg;
import static dev.onair.it.live.LiveFixture.isLive;
import static dev.onair.it.live.LiveFixture.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairExtension;
import dev.onair.it.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelLatencyMode;
import software.amazon.awssdk.services.ivs.model.ContainerFormat;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;

/**
 * A viewer's browser: hls.js (the version the console vendors) in headless Chromium plays a channel's playbackUrl
 * from another origin, receives PutMetadata as ID3 cues, and reports how far behind real time it plays.
 *
 * <p>Latency is measured the way hls.js sees it: {@code Date.now() - hls.playingDate}, where playingDate comes from
 * EXT-X-PROGRAM-DATE-TIME, which Onair stamps with its wall clock when a segment's first frame arrives. That is
 * ingest-to-display on one machine; the encoder's own delay (x264 zerolatency, well under 100 ms) is not in it.
 */
class HlsJsPlaybackIntegrationTest {
  private static final int RTMP_PORT = LiveFixture.freePort();

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension("--rtmp-port", Integer.toString(RTMP_PORT));

  private static IvsClient ivs;
  private static TestPlayerPage page;

  @BeforeAll
  static void setUp() {
    Tools.require(HeadlessChromium.CHROMIUM);
    Tools.require(HeadlessChromium.CHROMEDRIVER);
    ivs = LiveFixture.ivs(ONAIR.process());
    page = new TestPlayerPage();
  }

  @AfterAll
  static void tearDown() {
    if (page != null) {
      page.close();
    }
    if (ivs != null) {
      ivs.close();
    }
  }

  /** TS, NORMAL latency, behind a strict playback restriction policy that admits only the page's origin. */
  @Test
  void normalLatencyTs_playsFromAllowedOrigin_withMetadataCues() throws Exception {
    String policy = ivs.createPlaybackRestrictionPolicy(r -> r.name("page-only")
        .allowedOrigins(page.origin()).enableStrictOriginEnforcement(true)).playbackRestrictionPolicy().arn();
    CreateChannelResponse channel = ivs.createChannel(r -> r.name("hlsjs-normal").insecureIngest(true)
        .latencyMode(ChannelLatencyMode.NORMAL).containerFormat(ContainerFormat.TS)
        .playbackRestrictionPolicyArn(policy));
    String url = channel.channel().playbackUrl();
    Process encoder = ffmpeg("rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + channel.streamKey().value(), 90);
    try {
      await("channel live", Duration.ofSeconds(20), () -> isLive(ivs, channel.channel().arn()));
      await("two segments", Duration.ofSeconds(20), () -> {
        String master = LiveFixture.get(url, "Origin", page.origin()).body();
        return master.contains("#EXT-X-STREAM-INF") && LiveFixture.get(LiveFixture.mediaPlaylist(url, master),
            "Origin", page.origin()).body().lines().filter(l -> l.startsWith("#EXTINF")).count() >= 2;
      });

      // The policy, seen from outside a browser: strict enforcement wants the allowed Origin on every request.
      assertThat(LiveFixture.get(url).statusCode()).as("no Origin").isEqualTo(403);
      assertThat(LiveFixture.get(url, "Origin", "https://elsewhere.example").statusCode()).isEqualTo(403);
      var allowed = LiveFixture.get(url, "Origin", page.origin());
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(page.origin());
      String media = LiveFixture.mediaPlaylist(url, allowed.body());
      assertThat(LiveFixture.get(media).statusCode()).as("media playlist without Origin").isEqualTo(403);

      // ffprobe, with the allowed Origin, sees the timed-ID3 data stream next to video and audio.
      Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-headers", "Origin: " + page.origin() + "\r\n",
          "-show_entries", "stream=codec_type,codec_name", "-of", "compact", url).redirectErrorStream(true).start();
      String probed = new String(probe.getInputStream().readAllBytes());
      assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(probed).contains("codec_name=h264", "codec_name=aac", "codec_name=timed_id3");

      play(channel, false);
    } finally {
      stop(encoder);
    }
  }

  /** LL-HLS (LOW latency, IVS's default) in both containers: parts, blocking reloads, ID3 as PES or emsg. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ContainerFormat.class, names = {"TS", "FRAGMENTED_MP4"})
  void lowLatency_playsWithMetadataCues(ContainerFormat container) throws Exception {
    CreateChannelResponse channel = ivs.createChannel(r -> r.name("hlsjs-low").insecureIngest(true)
        .latencyMode(ChannelLatencyMode.LOW).containerFormat(container));
    Process encoder = ffmpeg("rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + channel.streamKey().value(), 90);
    try {
      await("channel live", Duration.ofSeconds(20), () -> isLive(ivs, channel.channel().arn()));
      play(channel, true);
    } finally {
      stop(encoder);
    }
  }

  private void play(CreateChannelResponse channel, boolean lowLatency) {
    String label = channel.channel().latencyModeAsString() + "/" + channel.channel().containerFormatAsString();
    try (HeadlessChromium browser = new HeadlessChromium()) {
      browser.open(page.playerUrl(channel.channel().playbackUrl(), lowLatency));
      await(label + " test page ready", Duration.ofSeconds(15),
          () -> Boolean.TRUE.equals(browser.js("return window.state && window.state.ready === true")));
      assertThat(browser.js("return state.supported")).as("Chromium supports H.264/AAC in MSE (hls.js %s)",
          browser.js("return state.version")).isEqualTo(true);
      long loaded = System.nanoTime();
      await(label + " video playing; hls.js errors so far: " + browser.js("return state.errors"),
          Duration.ofSeconds(30), () -> Boolean.TRUE.equals(browser.js("return state.playing")));
      long startup = (System.nanoTime() - loaded) / 1_000_000;
      double before = number(browser.js("return document.getElementById('video').currentTime"));
      LiveFixture.sleep(3000);
      double after = number(browser.js("return document.getElementById('video').currentTime"));
      assertThat(after - before).as(label + " currentTime advances in real time").isGreaterThan(2.0);

      // PutMetadata while the viewer watches: each text arrives as an ID3 sample, and as a cue on the video's
      // metadata text track. hls.js creates that track (a <track> element) on the first sample it sees, and
      // Chromium empties a track element's cues when the element starts loading, which swallows the cues of that
      // first fragment (a player quirk, seen here in both containers). So one warm-up message creates the track,
      // then the markers must all arrive both ways.
      String run = (lowLatency ? "low" : "normal") + "-" + System.nanoTime();
      putMetadata(channel, run + "-warmup");
      await(label + " warm-up ID3 sample", Duration.ofSeconds(20),
          () -> String.valueOf(browser.js("return JSON.stringify(state.metadata)")).contains(run + "-warmup"));
      LiveFixture.sleep(1000);
      long sent = System.nanoTime();
      putMetadata(channel, run + "-1");
      LiveFixture.sleep(1000);
      putMetadata(channel, run + "-2");
      await(label + " ID3 metadata parsed by hls.js", Duration.ofSeconds(20), () -> {
        String samples = String.valueOf(browser.js("return JSON.stringify(state.metadata)"));
        return samples.contains(run + "-1") && samples.contains(run + "-2");
      });
      long metadataDelay = (System.nanoTime() - sent) / 1_000_000 - 1000;
      try {
        await(label + " metadata cues on the video's text track", Duration.ofSeconds(10), () -> {
          String cues = String.valueOf(browser.js("return JSON.stringify(metadataCues())"));
          return cues.contains("TXXX={\\\"marker\\\":\\\"onair-cue-" + run + "-1")
              && cues.contains(run + "-2");
        });
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "; tracks " + browser.js("return JSON.stringify(trackReport())")
            + "; cues " + browser.js("return JSON.stringify(metadataCues())"), e);
      }

      List<Double> latencies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Object latency = browser.js("return hls.playingDate ? Date.now() - hls.playingDate.getTime() : null");
        if (latency != null) {
          latencies.add(number(latency) / 1000.0);
        }
        LiveFixture.sleep(500);
      }
      assertThat(latencies).as(label + " hls.playingDate (EXT-X-PROGRAM-DATE-TIME)").isNotEmpty();
      Collections.sort(latencies);
      double median = latencies.get(latencies.size() / 2);
      @SuppressWarnings("unchecked")
      List<String> errors = (List<String>) browser.js("return state.errors");
      System.out.printf("%s: playing %d ms after page load; ingest-to-display latency median %.2f s (min %.2f, max"
              + " %.2f); hls.js latency estimate %s s; PutMetadata to hls.js %d ms; hls.js errors %s%n",
          label, startup, median, latencies.get(0), latencies.get(latencies.size() - 1),
          browser.js("return hls.latency && hls.latency.toFixed(2)"), metadataDelay, errors);
      assertThat(errors).as(label + " fatal hls.js errors").noneMatch(e -> e.endsWith(":fatal"));
      // Generous bounds for a loaded 2-core machine; the figures are printed above for the report.
      assertThat(median).isLessThan(lowLatency ? 5.0 : 15.0);
    }
  }

  private static void putMetadata(CreateChannelResponse channel, String marker) {
    ivs.putMetadata(r -> r.channelArn(channel.channel().arn()).metadata("{\"marker\":\"onair-cue-" + marker + "\"}"));
  }

  private static double number(Object value) {
    assertThat(value).isInstanceOf(Number.class);
    return ((Number) value).doubleValue();
  }

}
