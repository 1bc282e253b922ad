package dev.onair.protocol.query;

import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpRequest;
import java.util.Map;

/** Lets the front door peek at a Query request's Action before choosing a service, without failing. */
public final class QueryParserSupport {
  private QueryParserSupport() {}

  /** The Action parameter, or null when absent or when the parameters cannot be decoded. */
  public static String actionOrNull(HttpRequest request) {
    try {
      String action = null;
      for (Map.Entry<String, String> parameter : QueryParser.parameters(request)) {
        if (parameter.getKey().equals("Action")) {
          action = parameter.getValue();
        }
      }
      return action;
    } catch (AwsServiceException malformed) {
      return null;
    }
  }

  /** Whether the request looks like Query protocol: a form body or an Action parameter. */
  public static boolean looksLikeQuery(HttpRequest request) {
    return QueryParser.isForm(request) || actionOrNull(request) != null;
  }
}
