package dev.onair.server.frontdoor;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** {@code GET /_onair/health}: 200 {"status":"ok"} once the server accepts API requests, 503 before. */
public final class HealthHandler implements LocalHandler {
  private final BooleanSupplier ready;

  public HealthHandler(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  public CompletableFuture<HttpResponse> handle(HttpRequest request, String requestId) {
    HttpResponse response =
        ready.getAsBoolean()
            ? HttpResponse.text(200, "application/json", "{\"status\":\"ok\"}")
            : HttpResponse.text(503, "application/json", "{\"status\":\"starting\"}");
    return CompletableFuture.completedFuture(response);
  }

  /** A flag read: load balancers and the benchmark's no-op ceiling poll it, and it must not queue for a worker. */
  @Override
  public boolean answersWithoutBlocking() {
    return true;
  }
}
