package dev.onair.protocol.cbor;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.codec.RequestParser;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.CommonErrors;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.json.DocumentReader;
import dev.onair.protocol.json.Documents;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * smithy-rpc-v2-cbor: {@code POST /service/<ServiceShape>/operation/<Op>}, input a CBOR map. The path may have a
 * prefix (an endpoint with a path), so only its tail is matched.
 */
public final class RpcV2CborParser implements RequestParser {
  static final Pattern PATH = Pattern.compile("(?:.*)/service/([^/]+)/operation/([^/]+)");

  private final DocumentReader reader = new DocumentReader(Documents.CBOR);

  @Override
  public ParsedRequest parse(HttpRequest request, ServiceDefinition service) {
    Matcher matcher = PATH.matcher(request.rawPath());
    if (!matcher.matches()) {
      throw new AwsServiceException(CommonErrors.UNKNOWN_OPERATION, "Not an rpc-v2-cbor operation path");
    }
    String shape = matcher.group(1);
    String name = matcher.group(2);
    // the service shape is the awsJson target prefix in the models that speak both (CloudWatch)
    Operation operation = shape.equals(service.jsonTargetPrefix()) ? service.operation(name) : null;
    if (operation == null) {
      throw new AwsServiceException(CommonErrors.UNKNOWN_OPERATION, "Unknown operation " + shape + "." + name);
    }
    return new ParsedRequest(
        AwsProtocol.RPC_V2_CBOR, operation, reader.readObject(request.body(), CommonErrors.SERIALIZATION));
  }

  public static boolean isOperationPath(String rawPath) {
    return PATH.matcher(rawPath).matches();
  }
}
