package dev.onair.protocol.restjson;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.RestRoute;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.codec.RequestParser;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.json.DocumentReader;
import dev.onair.protocol.json.Documents;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * restJson1: the service's router picks the operation and binds path, query and header members; the JSON body
 * supplies the rest. A bound member wins over a body member of the same name, because the route is what the
 * client's model put it in.
 */
public final class RestJsonParser implements RequestParser {
  private final DocumentReader reader = new DocumentReader(Documents.JSON);

  @Override
  public ParsedRequest parse(HttpRequest request, ServiceDefinition service) {
    if (service.restRouter() == null) {
      throw new IllegalStateException(service.signingName() + " has no REST router");
    }
    RestRoute route =
        service
            .restRouter()
            .route(request)
            .orElseThrow(
                () ->
                    new AwsServiceException(
                        service.unknownOperation(),
                        "No operation matches " + request.method() + " " + request.rawPath()));
    Operation operation = service.operation(route.operationName());
    if (operation == null) {
      throw new IllegalStateException("router named unknown operation " + route.operationName());
    }
    // REST services behind AWS's edge (IVS) answer a body they cannot read with their own modelled validation
    // error, which SDKs map to a typed exception; SerializationException is the RPC protocols' habit.
    StructNode body = reader.readObject(request.body(), service.validation());
    Map<String, Node> merged = new LinkedHashMap<>(body.members());
    merged.putAll(route.boundMembers().members());
    return new ParsedRequest(AwsProtocol.REST_JSON_1, operation, new StructNode(merged));
  }
}
