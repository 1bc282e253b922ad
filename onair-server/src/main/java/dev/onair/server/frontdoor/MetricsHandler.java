package dev.onair.server.frontdoor;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code GET /_onair/metrics} in Prometheus text format. Operator metrics name channels and principals, so they
 * are not public: a scraper on the same host may read them, anyone else must not, since the listener can be bound
 * to a public interface.
 */
public final class MetricsHandler implements LocalHandler {
  private final Supplier<String> scrape;
  private final String contentType;

  public MetricsHandler(Supplier<String> scrape, String contentType) {
    this.scrape = requireNonNull(scrape, "scrape is null");
    this.contentType = requireNonNull(contentType, "contentType is null");
  }

  @Override
  public CompletableFuture<HttpResponse> handle(HttpRequest request, String requestId) {
    if (!isLoopback(request.remoteAddress())) {
      return CompletableFuture.completedFuture(
          HttpResponse.text(403, "text/plain; charset=utf-8", "Metrics are served to local clients only.\n"));
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return CompletableFuture.completedFuture(
          new HttpResponse(405, HttpHeaders.of("Allow", "GET, HEAD"), new byte[0]));
    }
    byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(HttpResponse.of(200, contentType, body));
  }

  private static boolean isLoopback(String address) {
    try {
      // A literal address never triggers a DNS lookup.
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
