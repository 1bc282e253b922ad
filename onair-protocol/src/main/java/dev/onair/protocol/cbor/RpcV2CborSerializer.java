package dev.onair.protocol.cbor;

import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.codec.ResponseSerializer;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.json.DocumentWriter;
import dev.onair.protocol.json.Documents;

/** rpc-v2-cbor output: a CBOR map, timestamps as tag 1, and the smithy-protocol header clients check. */
public final class RpcV2CborSerializer implements ResponseSerializer {
  static final String CONTENT_TYPE = "application/cbor";

  private final DocumentWriter writer = new DocumentWriter(Documents.CBOR, TimestampFormat.EPOCH_SECONDS);

  @Override
  public HttpResponse serialize(
      ServiceDefinition service, String operationName, OperationResult.Output output, String requestId) {
    HttpHeaders headers =
        output.headers().replacing("Content-Type", CONTENT_TYPE).replacing("smithy-protocol", "rpc-v2-cbor");
    return new HttpResponse(output.status(), headers, writer.write(output.body()));
  }
}
