package dev.onair.console.web;

import static java.util.Objects.requireNonNull;

import dev.onair.console.session.Session;
import dev.onair.protocol.http.HttpRequest;
import java.util.List;

/**
 * One console request after routing.
 *
 * @param path the decoded path below {@code /console}, starting with '/'
 * @param session the browser's session; null only for assets
 * @param form the POST body's fields, or the query's for GET
 * @param parameters the route's captured path segments, decoded
 */
public record ConsoleRequest(
    HttpRequest http, String path, Session session, Form form, Form query, List<String> parameters) {
  public ConsoleRequest {
    requireNonNull(http, "http is null");
    requireNonNull(path, "path is null");
    requireNonNull(form, "form is null");
    requireNonNull(query, "query is null");
    parameters = List.copyOf(parameters);
  }

  public String parameter(int index) {
    return parameters.get(index);
  }

  public boolean post() {
    return http.method().equals("POST");
  }

  public ConsoleRequest withParameters(List<String> values) {
    return new ConsoleRequest(http, path, session, form, query, values);
  }
}
