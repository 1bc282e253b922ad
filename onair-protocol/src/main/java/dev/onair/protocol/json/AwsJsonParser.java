package dev.onair.protocol.json;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.codec.RequestParser;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.CommonErrors;
import dev.onair.protocol.http.HttpRequest;

/** awsJson 1.0/1.1: the operation from {@code X-Amz-Target: <prefix>.<Op>}, the input from the JSON body. */
public final class AwsJsonParser implements RequestParser {
  private final AwsProtocol protocol;
  private final DocumentReader reader = new DocumentReader(Documents.JSON);

  public AwsJsonParser(AwsProtocol protocol) {
    this.protocol = protocol;
  }

  @Override
  public ParsedRequest parse(HttpRequest request, ServiceDefinition service) {
    String target = request.header("X-Amz-Target");
    if (target == null || target.isEmpty()) {
      throw new AwsServiceException(CommonErrors.UNKNOWN_OPERATION, "Missing X-Amz-Target header");
    }
    int dot = target.lastIndexOf('.');
    String prefix = dot < 0 ? "" : target.substring(0, dot);
    String name = target.substring(dot + 1);
    Operation operation = prefix.equals(service.jsonTargetPrefix()) ? service.operation(name) : null;
    if (operation == null) {
      throw new AwsServiceException(CommonErrors.UNKNOWN_OPERATION, "Unknown operation " + target);
    }
    return new ParsedRequest(protocol, operation, reader.readObject(request.body(), CommonErrors.SERIALIZATION));
  }
}
