package dev.onair.live.cluster;

import static java.util.Objects.requireNonNull;

import dev.onair.live.playback.PlaybackHandler;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The receiving end of forwarded playback ({@value #PREFIX}...): refuses anything without a valid
 * {@link InternalAuth} signature (403), then serves the request from this node's memory as if the viewer had
 * come here, with the viewer address the forwarding node vouched for. It never forwards again, so a stale lease
 * cannot make two nodes bounce a request between them.
 */
public final class InternalPlayback implements PlaybackHandler {
  public static final String PREFIX = "/_onair/internal/playback";

  private final InternalAuth auth;
  private final PlaybackHandler local;

  public InternalPlayback(InternalAuth auth, PlaybackHandler local) {
    this.auth = requireNonNull(auth, "auth is null");
    this.local = requireNonNull(local, "local is null");
  }

  @Override
  public CompletableFuture<HttpResponse> handle(HttpRequest request) {
    String viewer = request.header(InternalAuth.VIEWER);
    if (!request.rawPath().startsWith(PREFIX + "/")
        || !auth.verify(request.method(), request.rawPath(), request.rawQuery(), request.header(InternalAuth.DATE),
            viewer, request.header(InternalAuth.SIGNATURE))) {
      return CompletableFuture.completedFuture(
          HttpResponse.text(403, "text/plain", "internal route: missing or invalid signature\n")
              .withHeader("Cache-Control", "no-store"));
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> header : request.headers().entries()) {
      if (!header.getKey().regionMatches(true, 0, "X-Onair-Internal-", 0, 18)) {
        headers.add(header);
      }
    }
    HttpRequest viewerRequest = new HttpRequest(request.method(), request.rawPath().substring(PREFIX.length()),
        request.rawQuery(), new HttpHeaders(headers), request.body(), viewer, request.secure());
    return local.handle(viewerRequest);
  }
}
