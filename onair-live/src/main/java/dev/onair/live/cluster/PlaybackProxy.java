package dev.onair.live.cluster;

import static java.util.Objects.requireNonNull;

import dev.onair.live.playback.PlaybackHandler;
import dev.onair.live.playback.PlaybackPath;
import dev.onair.live.port.PublisherLease;
import dev.onair.live.port.PublisherLease.LeaseState;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public playback route of a cluster node. A channel live on this node is served from memory; a channel live
 * on another node (its lease names the holder's address) is forwarded there over {@link InternalPlayback}'s
 * signed route, blocking reloads included, so the player sees one origin whichever node the load balancer picks.
 * The holder does every check (token, restrictions, playback sessions), because only it has the broadcast.
 */
public final class PlaybackProxy implements PlaybackHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PlaybackProxy.class);
  /** Longer than the longest blocking reload the holder may hold (3 target durations). */
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(20);
  /** Forwarded as the viewer sent them; everything else is the holder's to decide or hop-by-hop. */
  private static final Set<String> REQUEST_HEADERS = Set.of("user-agent", "origin", "accept", "referer");
  /**
   * How long a holder lookup is reused. Without it every viewer request would be a database query (a thousand
   * viewers polling LL-HLS make thousands a second); the cost is that for this long after a broadcast moves,
   * requests may reach the old holder, which answers 404 rather than forwarding again.
   */
  private static final long HOLDER_CACHE_MILLIS = 500;
  private static final Set<String> DROPPED_RESPONSE_HEADERS =
      Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "date");

  private final PlaybackHandler local;
  private final Predicate<String> liveHere;
  private final PublisherLease leases;
  private final String nodeId;
  private final InternalAuth auth;
  private final String countryHeader;
  private final Clock clock;
  private final HttpClient http;
  private final Map<String, CachedHolder> holders = new java.util.concurrent.ConcurrentHashMap<>();

  /** A lookup result: the holder's address, or null when no other node holds the channel. */
  private record CachedHolder(String address, long fetchedAtMillis) {}

  /**
   * @param liveHere whether a channel ARN is live on this node
   * @param countryHeader the trusted viewer-country header, forwarded so the holder can check allowedCountries
   */
  public PlaybackProxy(PlaybackHandler local, Predicate<String> liveHere, PublisherLease leases, String nodeId,
      InternalAuth auth, String countryHeader, Clock clock) {
    this.local = requireNonNull(local, "local is null");
    this.liveHere = requireNonNull(liveHere, "liveHere is null");
    this.leases = requireNonNull(leases, "leases is null");
    this.nodeId = requireNonNull(nodeId, "nodeId is null");
    this.auth = requireNonNull(auth, "auth is null");
    this.countryHeader = countryHeader;
    this.clock = requireNonNull(clock, "clock is null");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** What is served here may run on the event loop as the local routes decide; a lease lookup may not. */
  @Override
  public boolean answersWithoutBlocking(HttpRequest request) {
    Optional<PlaybackPath> path = PlaybackPath.parse(request.rawPath());
    if (path.isEmpty() || request.method().equals("OPTIONS") || liveHere.test(path.get().channelArn())) {
      return local.answersWithoutBlocking(request);
    }
    return false;
  }

  @Override
  public CompletableFuture<HttpResponse> handle(HttpRequest request) {
    Optional<PlaybackPath> path = PlaybackPath.parse(request.rawPath());
    if (path.isEmpty() || request.method().equals("OPTIONS") || liveHere.test(path.get().channelArn())) {
      return local.handle(request);
    }
    String holder;
    try {
      holder = holder(path.get().channelArn());
    } catch (RuntimeException e) {
      LOG.warn("lease lookup for playback failed", e);
      return CompletableFuture.completedFuture(error(503, "service unavailable"));
    }
    return holder != null ? forward(request, holder) : local.handle(request);
  }

  private String holder(String channelArn) {
    long now = clock.millis();
    CachedHolder cached = holders.get(channelArn);
    if (cached != null && now - cached.fetchedAtMillis() < HOLDER_CACHE_MILLIS) {
      return cached.address();
    }
    String address = leases.state(channelArn).filter(this::heldElsewhere).map(s -> s.holder().nodeAddress())
        .orElse(null);
    if (holders.size() > 10_000) {
      holders.clear();
    }
    holders.put(channelArn, new CachedHolder(address, now));
    return address;
  }

  private boolean heldElsewhere(LeaseState state) {
    return state.lease().live(clock.instant()) && !state.lease().nodeId().equals(nodeId)
        && state.holder().nodeAddress() != null;
  }

  private CompletableFuture<HttpResponse> forward(HttpRequest request, String address) {
    String path = InternalPlayback.PREFIX + request.rawPath();
    long now = clock.millis();
    String viewer = request.remoteAddress();
    URI uri = URI.create("http://" + address + path + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
    var builder = java.net.http.HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT)
        .method(request.method(), java.net.http.HttpRequest.BodyPublishers.noBody())
        .header(InternalAuth.DATE, Long.toString(now))
        .header(InternalAuth.VIEWER, viewer)
        .header(InternalAuth.SIGNATURE, auth.sign(request.method(), path, request.rawQuery(), now, viewer));
    for (Map.Entry<String, String> header : request.headers().entries()) {
      String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
      if (REQUEST_HEADERS.contains(name) || (countryHeader != null && name.equalsIgnoreCase(countryHeader))) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    return http.sendAsync(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(PlaybackProxy::toResponse)
        .exceptionally(e -> {
          LOG.warn("forwarding playback to {} failed: {}", address, e.toString());
          return error(502, "the node holding this stream did not answer");
        });
  }

  private static HttpResponse toResponse(java.net.http.HttpResponse<byte[]> response) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    response.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":") && !DROPPED_RESPONSE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.forEach(v -> headers.add(Map.entry(name, v)));
      }
    });
    return new HttpResponse(response.statusCode(), new HttpHeaders(headers), response.body());
  }

  private static HttpResponse error(int status, String message) {
    return HttpResponse.text(status, "text/plain", message + "\n").withHeader("Cache-Control", "no-store")
        .withHeader("Access-Control-Allow-Origin", "*");
  }
}
