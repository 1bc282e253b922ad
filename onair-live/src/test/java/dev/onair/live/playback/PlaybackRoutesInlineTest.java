package dev.onair.live.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.hls.segment.ContainerFormat;
import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.live.fakes.Fakes;
import dev.onair.live.state.Broadcast;
import dev.onair.live.state.TestBroadcasts;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which playback requests the event loop may answer (no store read can happen while serving them), and that
 * those answers are the ones a worker would give.
 */
class PlaybackRoutesInlineTest {
  private static final String POLICY = "arn:aws:ivs:us-east-1:123456789012:playback-restriction-policy/p1";
  private static final String STREAM = "st-abc123";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final AtomicInteger policyReads = new AtomicInteger();
  private Map<String, Broadcast> live;
  private PlaybackRoutes routes;

  @BeforeEach
  void setUp() {
    live = Map.of(
        arn("pub"), broadcast(channel("pub", false, "")),
        arn("priv"), broadcast(channel("priv", true, "")),
        arn("restricted"), broadcast(channel("restricted", false, POLICY)));
    PlaybackRestrictions restrictions = new PlaybackRestrictions(policyArn -> {
      policyReads.incrementAndGet();
      return Optional.of(new PlaybackRestrictionPolicy(policyArn, "p1", List.of(), List.of("https://a.example"),
          true, Instant.EPOCH));
    }, null, clock);
    routes = new PlaybackRoutes(arn -> Optional.ofNullable(live.get(arn)),
        new PlaybackTokenVerifier(new Fakes.PlaybackKeys(), new Fakes.Revocations(), clock),
        new PlaybackSessions(clock), restrictions, clock, Runnable::run);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "OPTIONS, /api/video/v1/anything,                                              true",
      "POST,    /api/video/v1/us-east-1.123456789012.channel.pub.m3u8,               false",
      "GET,     /api/video/v1/not-a-playback-path,                                   true",
      "GET,     /api/video/v1/us-east-1.123456789012.channel.offline.m3u8,           false",
      "GET,     /api/video/v1/us-east-1.123456789012.channel.pub.m3u8,               true",
      "HEAD,    /api/video/v1/us-east-1.123456789012.channel.pub/st-abc123/playlist.m3u8, true",
      "GET,     /api/video/v1/us-east-1.123456789012.channel.pub/st-abc123/part0.1.ts, true",
      // a whole segment is copied from its parts into one array: kept off the loop
      "GET,     /api/video/v1/us-east-1.123456789012.channel.pub/st-abc123/seg0.ts,  false",
      "GET,     /api/video/v1/us-east-1.123456789012.channel.pub/st-old/playlist.m3u8, true",
      // a private channel's multivariant playlist verifies the token against key pairs and revocations (store)
      "GET,     /api/video/v1/us-east-1.123456789012.channel.priv.m3u8,              false",
      "GET,     /api/video/v1/us-east-1.123456789012.channel.priv/st-abc123/playlist.m3u8, true",
      // the restriction policy has not been read yet
      "GET,     /api/video/v1/us-east-1.123456789012.channel.restricted.m3u8,        false",
  })
  void answersWithoutBlocking(String method, String path, boolean expected) {
    assertThat(routes.answersWithoutBlocking(request(method, path, null))).isEqualTo(expected);
  }

  @Test
  void restrictedChannel_inlineOnlyWhileThePolicyIsCachedForAnotherSecond() {
    HttpRequest request = request("GET", "/api/video/v1/us-east-1.123456789012.channel.restricted.m3u8",
        "https://a.example");
    assertThat(routes.answersWithoutBlocking(request)).isFalse();
    assertThat(routes.handle(request).join().status()).isEqualTo(200); // on a worker: reads the policy
    assertThat(policyReads).hasValue(1);

    assertThat(routes.answersWithoutBlocking(request)).isTrue();
    assertThat(routes.handle(request).join().status()).isEqualTo(200);
    assertThat(policyReads).as("served from the cache").hasValue(1);

    clock.advance(PlaybackRestrictions.CACHE_MILLIS - PlaybackRestrictions.INLINE_MARGIN_MILLIS - 1);
    assertThat(routes.answersWithoutBlocking(request)).isTrue();
    clock.advance(1);
    assertThat(routes.answersWithoutBlocking(request)).as("expires within the margin").isFalse();
    clock.advance(PlaybackRestrictions.INLINE_MARGIN_MILLIS);
    assertThat(routes.handle(request).join().status()).isEqualTo(200); // expired: a worker reads it again
    assertThat(policyReads).hasValue(2);
    // strict origin enforcement still applies on the inline path
    HttpRequest noOrigin = request("GET", request.rawPath(), null);
    assertThat(routes.answersWithoutBlocking(noOrigin)).isTrue();
    assertThat(routes.handle(noOrigin).join().status()).isEqualTo(403);
  }

  @Test
  void mediaPlaylist_carriesTheSessionOnEveryUri_andFollowsTheWindow() {
    HttpResponse multivariant = routes.handle(
        request("GET", "/api/video/v1/us-east-1.123456789012.channel.pub.m3u8", null)).join();
    String uri = body(multivariant).lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
    String query = uri.substring(uri.indexOf('?') + 1);
    Broadcast broadcast = live.get(arn("pub"));
    HttpRequest media = new HttpRequest("GET",
        "/api/video/v1/us-east-1.123456789012.channel.pub/" + STREAM + "/playlist.m3u8", query, HttpHeaders.of(),
        null, "127.0.0.1", false);

    String first = body(routes.handle(media).join());
    String suffix = "?" + query;
    assertThat(first).isEqualTo(LiveSegmenter.playlist(broadcast.segmenter().snapshot(), true,
        PlaybackRoutes.naming(suffix)));
    assertThat(first).contains("seg0.ts" + suffix);

    RenderedPlaylistsTest.feed(broadcast.segmenter(), 30 * 5 + 5, 30 * 2);
    String second = body(routes.handle(media).join());
    assertThat(second).isNotEqualTo(first).isEqualTo(LiveSegmenter.playlist(broadcast.segmenter().snapshot(), true,
        PlaybackRoutes.naming(suffix)));
  }

  private Broadcast broadcast(Channel channel) {
    LiveSegmenter segmenter = RenderedPlaylistsTest.segmenter(ContainerFormat.TS);
    RenderedPlaylistsTest.feed(segmenter, 0, 30 * 5 + 5);
    return TestBroadcasts.of(channel, STREAM, segmenter, clock);
  }

  private static Channel channel(String id, boolean authorized, String policyArn) {
    Channel c = Fakes.channel(id, true, "LOW", "TS", "", authorized);
    return new Channel(c.arn(), c.name(), c.latencyMode(), c.type(), c.recordingConfigurationArn(), c.authorized(),
        c.insecureIngest(), c.preset(), policyArn, c.multitrackInputConfiguration(), c.containerFormat(),
        c.createdAt());
  }

  private static String arn(String id) {
    return "arn:aws:ivs:us-east-1:123456789012:channel/" + id;
  }

  private static HttpRequest request(String method, String path, String origin) {
    HttpHeaders headers = origin == null ? HttpHeaders.of() : HttpHeaders.of("Origin", origin);
    return new HttpRequest(method, path, "", headers, null, "127.0.0.1", false);
  }

  private static String body(HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(long millis) {
      now = now.plusMillis(millis);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
