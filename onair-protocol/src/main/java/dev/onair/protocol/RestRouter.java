package dev.onair.protocol;

import dev.onair.protocol.http.HttpRequest;
import java.util.Optional;

/** Maps a REST request (method + path + query) to an operation, for restJson1 and restXml services. */
@FunctionalInterface
public interface RestRouter {
  Optional<RestRoute> route(HttpRequest request);
}
