package dev.onair.server.http;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * What the transport hands complete requests to. Called on a worker thread, never on the event loop, so it may
 * block; it may also answer later (LL-HLS blocking playlist reloads) by returning an incomplete future.
 */
public interface HttpHandler {
  CompletableFuture<HttpResponse> handle(HttpRequest request, String requestId);

  /**
   * The answer to a request whose body exceeds the limit; only its head is known, and the connection is closed
   * afterwards because the rest of the body is never read.
   */
  HttpResponse requestTooLarge(HttpRequest head, String requestId, int limitBytes);

  /** The answer when every worker is busy and the queue is full. */
  HttpResponse overloaded(HttpRequest request, String requestId);
}
