package dev.onair.server.frontdoor;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** A non-AWS route (health, console, playback): answers without SigV4; it does its own access control. */
@FunctionalInterface
public interface LocalHandler {
  CompletableFuture<HttpResponse> handle(HttpRequest request, String requestId);

  /**
   * Whether every answer is complete at once and costs no blocking (no store, no file, no other node), so the
   * event loop may answer it itself; false unless a route says so.
   */
  default boolean answersWithoutBlocking() {
    return false;
  }

  /** Per request, for routes where it depends on the request (playback); by default {@link #answersWithoutBlocking()}. */
  default boolean answersWithoutBlocking(HttpRequest request) {
    return answersWithoutBlocking();
  }

  /**
   * A route whose {@code inline} test says, per request, what the event loop may answer itself.
   *
   * @param inline cheap, must not throw
   */
  static LocalHandler of(LocalHandler handler, java.util.function.Predicate<HttpRequest> inline) {
    return new LocalHandler() {
      @Override
      public CompletableFuture<HttpResponse> handle(HttpRequest request, String requestId) {
        return handler.handle(request, requestId);
      }

      @Override
      public boolean answersWithoutBlocking(HttpRequest request) {
        return inline.test(request);
      }
    };
  }

  /** Adapts a handler that answers at once. */
  static LocalHandler sync(java.util.function.BiFunction<HttpRequest, String, HttpResponse> handler) {
    return (request, requestId) -> CompletableFuture.completedFuture(handler.apply(request, requestId));
  }
}
