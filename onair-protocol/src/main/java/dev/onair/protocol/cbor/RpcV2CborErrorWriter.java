package dev.onair.protocol.cbor;

import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.json.DocumentErrorWriter;
import dev.onair.protocol.json.DocumentWriter;
import dev.onair.protocol.json.Documents;

/** rpc-v2-cbor errors: a CBOR map with {@code __type} (namespace-qualified) and {@code message}. */
public final class RpcV2CborErrorWriter extends DocumentErrorWriter {
  private final DocumentWriter writer = new DocumentWriter(Documents.CBOR, TimestampFormat.EPOCH_SECONDS);

  @Override
  protected String type(ServiceDefinition service, ErrorCode code) {
    return qualified(service, code);
  }

  @Override
  protected HttpHeaders headers(ServiceDefinition service, AwsServiceException error) {
    return HttpHeaders.of("Content-Type", RpcV2CborSerializer.CONTENT_TYPE, "smithy-protocol", "rpc-v2-cbor");
  }

  @Override
  protected DocumentWriter writer(ServiceDefinition service) {
    return writer;
  }
}
