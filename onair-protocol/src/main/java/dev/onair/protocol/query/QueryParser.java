package dev.onair.protocol.query;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.codec.RequestParser;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.CommonErrors;
import dev.onair.protocol.http.FormDecoder;
import dev.onair.protocol.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads awsQuery requests: {@code Action=Op&Version=V&...} from a form body or, for GET, the query string.
 * Parameters other than Action and Version become the input tree through {@link QueryTreeBuilder}.
 */
public final class QueryParser implements RequestParser {
  @Override
  public ParsedRequest parse(HttpRequest request, ServiceDefinition service) {
    List<Map.Entry<String, String>> parameters = parameters(request);
    String action = null;
    String version = null;
    List<Map.Entry<String, String>> members = new ArrayList<>();
    for (Map.Entry<String, String> parameter : parameters) {
      switch (parameter.getKey()) {
        case "Action" -> action = parameter.getValue();
        case "Version" -> version = parameter.getValue();
        default -> members.add(parameter);
      }
    }
    if (action == null || action.isEmpty()) {
      throw new AwsServiceException(CommonErrors.MISSING_ACTION, "Missing Action");
    }
    Operation operation = service.operation(action);
    if (operation == null) {
      String shownVersion = version != null ? version : service.apiVersion();
      throw new AwsServiceException(
          service.unknownOperation(), "Could not find operation " + action + " for version " + shownVersion);
    }
    return new ParsedRequest(AwsProtocol.AWS_QUERY, operation, QueryTreeBuilder.build(members));
  }

  /** The query string's parameters, then the form body's; the body's win when a name repeats. */
  static List<Map.Entry<String, String>> parameters(HttpRequest request) {
    try {
      List<Map.Entry<String, String>> parameters = new ArrayList<>(request.queryParameters());
      if (isForm(request)) {
        parameters.addAll(FormDecoder.decode(request.body()));
      }
      return parameters;
    } catch (FormDecoder.MalformedFormException e) {
      throw new AwsServiceException(CommonErrors.MALFORMED_QUERY_STRING, e.getMessage());
    }
  }

  static boolean isForm(HttpRequest request) {
    String contentType = request.header("Content-Type");
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }
}
