package dev.onair.live.playback;

import static java.util.Objects.requireNonNull;

import dev.onair.hls.playlist.MultivariantPlaylistWriter;
import dev.onair.hls.playlist.Variant;
import dev.onair.hls.segment.ContainerFormat;
import dev.onair.hls.segment.HlsNaming;
import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.hls.segment.Part;
import dev.onair.hls.segment.SegmentWindow;
import dev.onair.live.state.Broadcast;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.rtmp.session.StreamInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * HLS playback under {@code /api/video/v1/}: the multivariant playlist at the channel's playbackUrl, then the
 * broadcast's media playlist, segments, LL-HLS parts and fMP4 init sections, all from memory. An offline channel
 * is 404, like IVS. Private channels need a valid playback token on the multivariant request; the playback
 * session id minted then authorises the rest.
 */
public final class PlaybackRoutes implements PlaybackHandler {
  private static final long DEFAULT_BANDWIDTH = 2_000_000;

  private final Function<String, Optional<Broadcast>> broadcasts;
  private final PlaybackTokenVerifier tokens;
  private final PlaybackSessions playbackSessions;
  private final PlaybackRestrictions restrictions;
  private final Clock clock;
  private final Executor executor;
  private final RenderedPlaylists rendered = new RenderedPlaylists();

  /**
   * @param broadcasts the live broadcast of a channel ARN
   * @param executor renders playlists released by a blocking reload, off the ingest thread that released them
   */
  public PlaybackRoutes(Function<String, Optional<Broadcast>> broadcasts, PlaybackTokenVerifier tokens,
      PlaybackSessions playbackSessions, Clock clock, Executor executor) {
    this(broadcasts, tokens, playbackSessions, PlaybackRestrictions.none(), clock, executor);
  }

  /** @param restrictions the channels' playback restriction policies (origins, countries) */
  public PlaybackRoutes(Function<String, Optional<Broadcast>> broadcasts, PlaybackTokenVerifier tokens,
      PlaybackSessions playbackSessions, PlaybackRestrictions restrictions, Clock clock, Executor executor) {
    this.broadcasts = requireNonNull(broadcasts, "broadcasts is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.playbackSessions = requireNonNull(playbackSessions, "playbackSessions is null");
    this.restrictions = requireNonNull(restrictions, "restrictions is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.executor = requireNonNull(executor, "executor is null");
  }

  /**
   * Whether this request needs no store read, so the event loop may answer it: everything but a private channel's
   * multivariant playlist (playback key pairs and revocations are read from the store), a whole segment (its
   * parts are copied into one array, ~100 us for 2 s at 3 Mbps, kept off the loop) and a request whose
   * restriction policy is not in the cache for at least another second. A channel not live here is left to a
   * worker too (the cluster proxy may look up its lease). Each check is a map lookup; the path is read by hand.
   */
  @Override
  public boolean answersWithoutBlocking(HttpRequest request) {
    String method = request.method();
    if (method.equals("OPTIONS")) {
      return true;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return false;
    }
    Optional<PlaybackPath> parsed = PlaybackPath.parse(request.rawPath());
    if (parsed.isEmpty()) {
      return true; // 404 at once
    }
    Optional<Broadcast> live = broadcasts.apply(parsed.get().channelArn());
    if (live.isEmpty()) {
      return false;
    }
    var channel = live.get().channel();
    PlaybackPath.Kind kind = parsed.get().kind();
    if ((channel.authorized() && kind == PlaybackPath.Kind.MULTIVARIANT) || kind == PlaybackPath.Kind.SEGMENT) {
      return false;
    }
    return restrictions.answersWithoutBlocking(channel.playbackRestrictionPolicyArn());
  }

  @Override
  public CompletableFuture<HttpResponse> handle(HttpRequest request) {
    try {
      return route(request).thenApply(response -> request.method().equals("HEAD")
          ? new HttpResponse(response.status(), response.headers(), new byte[0]) : response);
    } catch (RuntimeException e) {
      return done(PlaybackResponses.error(500, "internal error"));
    }
  }

  private CompletableFuture<HttpResponse> route(HttpRequest request) {
    String method = request.method();
    if (method.equals("OPTIONS")) {
      return done(PlaybackResponses.preflight());
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return done(PlaybackResponses.error(405, "method not allowed"));
    }
    Optional<PlaybackPath> parsed = PlaybackPath.parse(request.rawPath());
    if (parsed.isEmpty()) {
      return done(PlaybackResponses.error(404, "not found"));
    }
    PlaybackPath path = parsed.get();
    Optional<Broadcast> live = broadcasts.apply(path.channelArn());
    if (live.isEmpty()) {
      return done(PlaybackResponses.error(404, "channel is not broadcasting"));
    }
    Broadcast broadcast = live.get();
    String country = restrictions.countryHeader() == null ? null : request.header(restrictions.countryHeader());
    PlaybackRestrictions.Verdict verdict = restrictions.check(broadcast.channel().playbackRestrictionPolicyArn(),
        request.header("Origin"), country);
    if (verdict instanceof PlaybackRestrictions.Deny deny) {
      return done(PlaybackResponses.error(403, "playback restricted: " + deny.reason()));
    }
    String policyOrigin = ((PlaybackRestrictions.Allow) verdict).allowOrigin();
    CompletableFuture<HttpResponse> response = serve(request, path, broadcast, country);
    return "*".equals(policyOrigin) ? response
        : response.thenApply(r -> PlaybackResponses.restrictOrigin(r, policyOrigin));
  }

  private CompletableFuture<HttpResponse> serve(HttpRequest request, PlaybackPath path, Broadcast broadcast,
      String country) {
    if (path.kind() == PlaybackPath.Kind.MULTIVARIANT) {
      return done(multivariant(request, path, broadcast, country));
    }
    if (!broadcast.streamId().equals(path.streamId())) {
      return done(PlaybackResponses.error(404, "stream has ended"));
    }
    String session = request.queryParameter("ps");
    boolean validSession = session != null && playbackSessions.isValid(session, broadcast.channelArn());
    if (broadcast.channel().authorized() && !validSession) {
      return done(PlaybackResponses.error(403, "playback session missing or expired; reload the playback URL"));
    }
    broadcast.viewers().touch(validSession ? session : anonymousViewer(request), country, clock.millis());
    String suffix = validSession ? "?ps=" + URLEncoder.encode(session, StandardCharsets.UTF_8) : "";
    LiveSegmenter segmenter = broadcast.segmenter();
    return switch (path.kind()) {
      case MEDIA_PLAYLIST -> mediaPlaylist(request, broadcast, suffix);
      case SEGMENT -> done(segmenter.segment(path.msn())
          .filter(s -> matchesFormat(path, segmenter))
          .map(s -> PlaybackResponses.media(200, contentType(path), s.toByteArray(), PlaybackResponses.IMMUTABLE, "*"))
          .orElseGet(() -> PlaybackResponses.error(404, "no such segment")));
      case PART -> part(path, broadcast);
      case INIT -> done(segmenter.init(path.initId())
          .map(i -> PlaybackResponses.media(200, "video/mp4", i.data(), PlaybackResponses.IMMUTABLE, "*"))
          .orElseGet(() -> PlaybackResponses.error(404, "no such init section")));
      case MULTIVARIANT -> throw new IllegalStateException("handled above");
    };
  }

  private HttpResponse multivariant(HttpRequest request, PlaybackPath path, Broadcast broadcast, String country) {
    String allowOrigin = "*";
    if (broadcast.channel().authorized()) {
      PlaybackTokenVerifier.Result result = tokens.verify(request.queryParameter("token"), broadcast.channelArn());
      if (result instanceof PlaybackTokenVerifier.Invalid invalid) {
        return PlaybackResponses.error(403, "playback token rejected: " + invalid.reason());
      }
      allowOrigin = PlaybackResponses.allowOrigin(((PlaybackTokenVerifier.Valid) result).allowOrigin(),
          request.header("Origin"));
    }
    String session = playbackSessions.mint(broadcast.channelArn());
    broadcast.viewers().touch(session, country, clock.millis());
    SegmentWindow window = broadcast.segmenter().snapshot();
    StreamInfo info = window.streamInfo() != null ? window.streamInfo() : broadcast.stats().streamInfo();
    long peak = window.peakBandwidth();
    long average = window.averageBandwidth();
    if (peak <= 0) {
      long measured = broadcast.stats().averageVideoBitrate() + broadcast.stats().averageAudioBitrate();
      peak = measured > 0 ? measured : DEFAULT_BANDWIDTH; // a guess until the first segment is measured
    }
    String uri = PlaybackPath.mediaPlaylistUri(path.region(), path.accountId(), path.channelId(),
        broadcast.streamId()) + "?ps=" + URLEncoder.encode(session, StandardCharsets.UTF_8);
    Variant variant = new Variant(uri, peak, average,
        info == null ? 0 : info.width(), info == null ? 0 : info.height(),
        info == null ? "" : info.codecs(), info == null ? 0 : info.frameRate());
    return PlaybackResponses.playlist(MultivariantPlaylistWriter.write(List.of(variant)), PlaybackResponses.NO_CACHE,
        allowOrigin);
  }

  private CompletableFuture<HttpResponse> mediaPlaylist(HttpRequest request, Broadcast broadcast, String suffix) {
    LiveSegmenter segmenter = broadcast.segmenter();
    SegmentWindow window = segmenter.snapshot();
    boolean lowLatency = broadcast.lowLatency();
    BlockingReload.Decision decision = BlockingReload.decide(
        request.queryParameter("_HLS_msn"), request.queryParameter("_HLS_part"), lowLatency, window);
    String cache = lowLatency ? PlaybackResponses.NO_CACHE : PlaybackResponses.SHORT_CACHE;
    if (decision instanceof BlockingReload.BadRequest bad) {
      return done(PlaybackResponses.error(400, bad.reason()));
    }
    if (decision instanceof BlockingReload.Await await) {
      // RFC 8216bis §6.2.5.2: a server SHOULD give up after three target durations and answer 503.
      Duration timeout = Duration.ofSeconds(3L * window.targetDuration());
      return segmenter.await(await.msn(), await.part(), timeout).handleAsync((ready, error) -> error == null
          ? PlaybackResponses.playlist(rendered.playlist(broadcast.channelArn(), ready, true, suffix), cache, "*")
          : PlaybackResponses.error(503, "the requested segment or part did not appear in time"), executor);
    }
    return done(PlaybackResponses.playlist(rendered.playlist(broadcast.channelArn(), window, lowLatency, suffix),
        cache, "*"));
  }

  /** A part that exists is served; the hinted next part is held until it is complete (§6.2.6). */
  private CompletableFuture<HttpResponse> part(PlaybackPath path, Broadcast broadcast) {
    LiveSegmenter segmenter = broadcast.segmenter();
    if (!matchesFormat(path, segmenter)) {
      return done(PlaybackResponses.error(404, "no such part"));
    }
    SegmentWindow window = segmenter.snapshot();
    Optional<Part> existing = window.part(path.msn(), path.part());
    if (existing.isPresent()) {
      return done(partResponse(path, existing.get()));
    }
    if (!broadcast.lowLatency() || window.ended() || path.msn() < window.openMsn()
        || window.isTooFarAhead(path.msn(), path.part())) {
      return done(PlaybackResponses.error(404, "no such part"));
    }
    Duration timeout = Duration.ofSeconds(3L * window.targetDuration());
    return segmenter.await(path.msn(), path.part(), timeout).handleAsync((ready, error) -> error == null
        ? ready.part(path.msn(), path.part()).map(p -> partResponse(path, p))
            .orElseGet(() -> PlaybackResponses.error(404, "no such part"))
        : PlaybackResponses.error(503, "the part did not appear in time"), executor);
  }

  private static HttpResponse partResponse(PlaybackPath path, Part part) {
    return PlaybackResponses.media(200, contentType(path), part.data(), PlaybackResponses.IMMUTABLE, "*");
  }

  private static boolean matchesFormat(PlaybackPath path, LiveSegmenter segmenter) {
    return ("." + path.extension()).equals(segmenter.config().format().extension());
  }

  private static String contentType(PlaybackPath path) {
    return path.extension().equals("ts") ? ContainerFormat.TS.contentType() : ContainerFormat.FMP4.contentType();
  }

  private static String anonymousViewer(HttpRequest request) {
    String agent = request.header("User-Agent");
    return request.remoteAddress() + "|" + (agent == null ? "" : agent);
  }

  /** The segmenter's names, each with the playback session appended so the player carries it along. */
  static HlsNaming naming(String suffix) {
    if (suffix.isEmpty()) {
      return HlsNaming.DEFAULT;
    }
    return new HlsNaming() {
      @Override
      public String segment(long msn, ContainerFormat format) {
        return HlsNaming.DEFAULT.segment(msn, format) + suffix;
      }

      @Override
      public String part(long msn, int index, ContainerFormat format) {
        return HlsNaming.DEFAULT.part(msn, index, format) + suffix;
      }

      @Override
      public String init(int id) {
        return HlsNaming.DEFAULT.init(id) + suffix;
      }
    };
  }

  private static CompletableFuture<HttpResponse> done(HttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
