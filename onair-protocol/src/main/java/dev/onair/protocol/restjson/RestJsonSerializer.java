package dev.onair.protocol.restjson;

import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ResponseSerializer;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.json.DocumentWriter;
import dev.onair.protocol.json.Documents;

/**
 * restJson1 output: a JSON body with the service's timestamp format; 204 responses have no body. Members the
 * service sends as headers are already in the output's headers.
 */
public final class RestJsonSerializer implements ResponseSerializer {
  @Override
  public HttpResponse serialize(
      ServiceDefinition service, String operationName, OperationResult.Output output, String requestId) {
    if (output.status() == 204) {
      return new HttpResponse(204, output.headers(), new byte[0]);
    }
    DocumentWriter writer = new DocumentWriter(Documents.JSON, service.settings().restJsonTimestamps());
    return new HttpResponse(
        output.status(),
        output.headers().replacing("Content-Type", "application/json"),
        writer.write(output.body()));
  }
}
