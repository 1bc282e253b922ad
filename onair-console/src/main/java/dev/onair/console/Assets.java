package dev.onair.console;

import dev.onair.console.web.Responses;
import dev.onair.protocol.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's own static files, from the classpath, by an explicit list: nothing else under the resource folder
 * can be fetched by naming it. hls.js is vendored (Apache-2.0, licence beside it); no asset comes from a CDN.
 */
final class Assets {
  private static final Map<String, String> TYPES = Map.of(
      "console.css", "text/css; charset=utf-8",
      "console.js", "text/javascript; charset=utf-8",
      "player.js", "text/javascript; charset=utf-8",
      "hls.min.js", "text/javascript; charset=utf-8",
      "hls.js-LICENSE.txt", "text/plain; charset=utf-8");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  HttpResponse serve(String name) {
    String type = TYPES.get(name);
    if (type == null) {
      return Responses.text(404, "Not Found");
    }
    byte[] body = cache.computeIfAbsent(name, Assets::load);
    return Responses.asset(type, body);
  }

  private static byte[] load(String name) {
    try (InputStream in = Assets.class.getResourceAsStream("/console/assets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("console asset missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
