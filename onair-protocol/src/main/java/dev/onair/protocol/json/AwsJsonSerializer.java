package dev.onair.protocol.json;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.codec.ResponseSerializer;
import dev.onair.protocol.http.HttpResponse;

/** awsJson 1.0/1.1 output: the output structure as a JSON object, timestamps as epoch seconds. */
public final class AwsJsonSerializer implements ResponseSerializer {
  private final String contentType;
  private final DocumentWriter writer = new DocumentWriter(Documents.JSON, TimestampFormat.EPOCH_SECONDS);

  public AwsJsonSerializer(AwsProtocol protocol) {
    this.contentType = contentType(protocol);
  }

  @Override
  public HttpResponse serialize(
      ServiceDefinition service, String operationName, OperationResult.Output output, String requestId) {
    return new HttpResponse(
        output.status(), output.headers().replacing("Content-Type", contentType), writer.write(output.body()));
  }

  static String contentType(AwsProtocol protocol) {
    return protocol == AwsProtocol.AWS_JSON_1_0 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
  }
}
