package dev.onair.live.playback;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * An HTTP route the server mounts without SigV4 (playback does its own access control). Asynchronous because an
 * LL-HLS blocking reload holds the request until the next part exists.
 */
@FunctionalInterface
public interface PlaybackHandler {
  CompletableFuture<HttpResponse> handle(HttpRequest request);

  /**
   * Whether {@link #handle} needs no store, file or other node for this request (an answer that waits for the
   * segmenter is fine: it holds no thread), so the event loop may run it. Must be cheap and must not throw.
   */
  default boolean answersWithoutBlocking(HttpRequest request) {
    return false;
  }
}
