package dev.onair.ivs;

import dev.onair.protocol.RestRoute;
import dev.onair.protocol.RestRouter;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IVS's routes: {@code POST /<Operation>} for everything except tagging, which is {@code GET|POST|DELETE
 * /tags/{resourceArn}} with UntagResource's keys in repeated {@code tagKeys} query parameters.
 */
public final class IvsRestRouter implements RestRouter {
  private static final String TAGS_PREFIX = "/tags/";
  private static final Set<String> TAG_OPERATIONS = Set.of("ListTagsForResource", "TagResource", "UntagResource");

  private final Set<String> operationNames;

  public IvsRestRouter(Set<String> operationNames) {
    this.operationNames = Set.copyOf(operationNames);
  }

  @Override
  public Optional<RestRoute> route(HttpRequest request) {
    String rawPath = request.rawPath();
    if (rawPath.startsWith(TAGS_PREFIX)) {
      return tagsRoute(request);
    }
    if (!"POST".equals(request.method()) || rawPath.length() < 2 || rawPath.indexOf('/', 1) >= 0) {
      return Optional.empty();
    }
    String operation = rawPath.substring(1);
    if (!operationNames.contains(operation) || TAG_OPERATIONS.contains(operation)) {
      return Optional.empty();
    }
    return Optional.of(new RestRoute(operation, StructNode.EMPTY));
  }

  private static Optional<RestRoute> tagsRoute(HttpRequest request) {
    // Decode after cutting the prefix: the ARN arrives percent-encoded, its '/' possibly as %2F.
    String encodedArn = request.rawPath().substring(TAGS_PREFIX.length());
    String arn = java.net.URLDecoder.decode(encodedArn.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    StructNode.Builder bound = StructNode.builder().put("resourceArn", new StringNode(arn));
    switch (request.method()) {
      case "GET":
        return Optional.of(new RestRoute("ListTagsForResource", bound.build()));
      case "POST":
        return Optional.of(new RestRoute("TagResource", bound.build()));
      case "DELETE":
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, String> parameter : request.queryParameters()) {
          if (parameter.getKey().equals("tagKeys")) {
            keys.add(parameter.getValue());
          }
        }
        return Optional.of(new RestRoute("UntagResource", bound.put("tagKeys", ListNode.ofStrings(keys)).build()));
      default:
        return Optional.empty();
    }
  }
}
