package dev.onair.server.http;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * What the transport hands complete requests to. Called on a worker thread, so it may block, unless {@link
 * #answersWithoutBlocking} said the request may be answered on the event loop; it may also answer later (LL-HLS
 * blocking playlist reloads) by returning an incomplete future.
 */
public interface HttpHandler {
  CompletableFuture<HttpResponse> handle(HttpRequest request, String requestId);

  /**
   * Whether {@link #handle} answers this request without blocking (no network I/O, no waiting on other threads,
   * no heavy computation), so that the event loop may run it itself instead of paying two thread hand-offs.
   * Called on the event loop for every request: it must be cheap (headers, path, at most a scan of the form
   * body), and it must not throw.
   */
  default boolean answersWithoutBlocking(HttpRequest request) {
    return false;
  }

  /**
   * The answer to a request whose body exceeds the limit; only its head is known, and the connection is closed
   * afterwards because the rest of the body is never read.
   */
  HttpResponse requestTooLarge(HttpRequest head, String requestId, int limitBytes);

  /** The answer when every worker is busy and the queue is full. */
  HttpResponse overloaded(HttpRequest request, String requestId);
}
