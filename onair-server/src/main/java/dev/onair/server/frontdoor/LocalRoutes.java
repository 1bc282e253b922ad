package dev.onair.server.frontdoor;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The explicit table of non-AWS routes, checked before anything AWS. Registration points, in this order:
 * {@code /_onair/health} (here), {@code /console/} (the console), {@code /api/video/v1/} (HLS playback). A path
 * matches an exact route, or a prefix route when it starts with the prefix.
 */
public final class LocalRoutes {
  /** @param prefix true when {@code path} is a prefix (ends with '/'), false for an exact path */
  public record Route(String path, boolean prefix, LocalHandler handler) {
    public Route {
      requireNonNull(path, "path is null");
      requireNonNull(handler, "handler is null");
    }

    boolean matches(String rawPath) {
      return prefix ? rawPath.startsWith(path) : rawPath.equals(path);
    }
  }

  private final List<Route> routes;

  private LocalRoutes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<LocalHandler> match(HttpRequest request) {
    for (Route route : routes) {
      if (route.matches(request.rawPath())) {
        return Optional.of(route.handler());
      }
    }
    return Optional.empty();
  }

  public List<Route> routes() {
    return routes;
  }

  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    private Builder() {}

    public Builder exact(String path, LocalHandler handler) {
      routes.add(new Route(path, false, handler));
      return this;
    }

    public Builder prefix(String prefix, LocalHandler handler) {
      if (!prefix.endsWith("/")) {
        throw new IllegalArgumentException("a prefix route ends with '/': " + prefix);
      }
      routes.add(new Route(prefix, true, handler));
      return this;
    }

    public LocalRoutes build() {
      return new LocalRoutes(routes);
    }
  }
}
