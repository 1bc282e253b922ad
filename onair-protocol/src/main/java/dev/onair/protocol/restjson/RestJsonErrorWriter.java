package dev.onair.protocol.restjson;

import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.json.DocumentErrorWriter;
import dev.onair.protocol.json.DocumentWriter;
import dev.onair.protocol.json.Documents;
import dev.onair.protocol.tree.StructNode;

/**
 * restJson1 errors: the code in {@code x-amzn-ErrorType} (what SDKs read first) and in {@code __type}; the message
 * both as {@code message} and, as API Gateway-fronted services like IVS also send it, {@code exceptionMessage}.
 */
public final class RestJsonErrorWriter extends DocumentErrorWriter {
  private final DocumentWriter writer = new DocumentWriter(Documents.JSON, TimestampFormat.EPOCH_SECONDS);

  @Override
  protected String type(ServiceDefinition service, ErrorCode code) {
    return code.code();
  }

  @Override
  protected void addMembers(StructNode.Builder body, AwsServiceException error) {
    body.put("exceptionMessage", error.getMessage());
  }

  @Override
  protected HttpHeaders headers(ServiceDefinition service, AwsServiceException error) {
    return HttpHeaders.of("Content-Type", "application/json", "x-amzn-ErrorType", error.errorCode().code());
  }

  @Override
  protected DocumentWriter writer(ServiceDefinition service) {
    return writer;
  }
}
