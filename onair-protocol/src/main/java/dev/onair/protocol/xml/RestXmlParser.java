package dev.onair.protocol.xml;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.RestRoute;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.codec.RequestParser;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpRequest;

/**
 * restXml routing only: S3's handlers read their bodies (objects, XML configurations) from the raw request, so the
 * input is just what the router bound from the path, query and headers.
 */
public final class RestXmlParser implements RequestParser {
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
                        "The specified method is not allowed against this resource."));
    Operation operation = service.operation(route.operationName());
    if (operation == null) {
      throw new IllegalStateException("router named unknown operation " + route.operationName());
    }
    return new ParsedRequest(AwsProtocol.REST_XML, operation, route.boundMembers());
  }
}
