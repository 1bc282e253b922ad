package dev.onair.it.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The test's own web origin: a page that plays a URL with the hls.js the console vendors (onair-console's
 * {@code console/assets/hls.min.js}, 1.7.4). Deliberately not an Onair route, so production serves no test page,
 * and deliberately another origin than Onair's, so playback goes through CORS as on a customer's site.
 */
final class TestPlayerPage implements AutoCloseable {
  private final HttpServer server;

  TestPlayerPage() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/player.html", exchange -> serve(exchange, "hlsjs/player.html", "text/html; charset=utf-8"));
    server.createContext("/hls.min.js",
        exchange -> serve(exchange, "console/assets/hls.min.js", "text/javascript; charset=utf-8"));
    server.start();
  }

  /** The page's origin, as a browser sends it in {@code Origin}. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String playerUrl(String source, boolean lowLatency) {
    return origin() + "/player.html?low=" + (lowLatency ? 1 : 0) + "&src="
        + java.net.URLEncoder.encode(source, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void serve(HttpExchange exchange, String resource, String contentType) throws IOException {
    try (exchange; InputStream in = TestPlayerPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("test resource missing from the classpath: " + resource);
      }
      byte[] body = in.readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.getResponseHeaders().add("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
