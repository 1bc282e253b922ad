package dev.onair.console.web;

import dev.onair.protocol.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's route table, explicit and in one place: method, path pattern (each {@code {}} captures one
 * segment), who may reach it, and the page method that answers.
 */
public final class Routes {
  /** Who may reach a route. */
  public enum Access {
    /** Sign-in pages: no principal needed. */
    PUBLIC,
    /** Also open while a password change is pending: the change-password page and sign-out. */
    PENDING_PASSWORD_CHANGE,
    /** Everything else. */
    SIGNED_IN
  }

  @FunctionalInterface
  public interface Page {
    HttpResponse handle(ConsoleRequest request);
  }

  public record Route(String method, Pattern pattern, Access access, Page page) {}

  public record Match(Route route, List<String> parameters) {}

  private final List<Route> routes = new ArrayList<>();

  public Routes get(String path, Page page) {
    return add("GET", path, Access.SIGNED_IN, page);
  }

  public Routes post(String path, Page page) {
    return add("POST", path, Access.SIGNED_IN, page);
  }

  public Routes add(String method, String path, Access access, Page page) {
    String regex = Pattern.quote(path).replace("{}", "\\E([^/]+)\\Q");
    routes.add(new Route(method, Pattern.compile(regex), access, page));
    return this;
  }

  /** The route for a method and a raw path (below /console); its captures are percent-decoded. */
  public Optional<Match> match(String method, String rawPath) {
    for (Route route : routes) {
      if (!route.method().equals(method) && !(method.equals("HEAD") && route.method().equals("GET"))) {
        continue;
      }
      Matcher matcher = route.pattern().matcher(rawPath);
      if (matcher.matches()) {
        List<String> parameters = new ArrayList<>();
        for (int group = 1; group <= matcher.groupCount(); group++) {
          parameters.add(URLDecoder.decode(matcher.group(group).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return Optional.of(new Match(route, parameters));
      }
    }
    return Optional.empty();
  }

  /** Every route, in matching order. */
  public List<Route> all() {
    return List.copyOf(routes);
  }

  /** Whether any route has this path under another method (405 rather than 404). */
  public boolean knowsPath(String rawPath) {
    return routes.stream().anyMatch(route -> route.pattern().matcher(rawPath).matches());
  }
}
