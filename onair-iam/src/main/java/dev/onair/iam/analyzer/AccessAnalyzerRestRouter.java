package dev.onair.iam.analyzer;

import dev.onair.protocol.RestRoute;
import dev.onair.protocol.RestRouter;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import java.util.Optional;

/**
 * {@code POST /policy/validation}, the one Access Analyzer route Onair serves. maxResults and nextToken travel in
 * the query string (the model binds them there), so the router lifts them into the input.
 */
public final class AccessAnalyzerRestRouter implements RestRouter {
  static final String VALIDATE_POLICY_PATH = "/policy/validation";

  @Override
  public Optional<RestRoute> route(HttpRequest request) {
    if (!"POST".equals(request.method()) || !VALIDATE_POLICY_PATH.equals(request.rawPath())) {
      return Optional.empty();
    }
    StructNode.Builder bound = StructNode.builder();
    String maxResults = request.queryParameter("maxResults");
    if (maxResults != null) {
      bound.put("maxResults", new StringNode(maxResults));
    }
    String nextToken = request.queryParameter("nextToken");
    if (nextToken != null) {
      bound.put("nextToken", new StringNode(nextToken));
    }
    return Optional.of(new RestRoute(ValidatePolicyOperation.NAME, bound.build()));
  }
}
