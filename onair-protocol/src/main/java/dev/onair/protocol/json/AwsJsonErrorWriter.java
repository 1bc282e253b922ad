package dev.onair.protocol.json;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;

/** awsJson errors: {@code {"__type":"<namespace>#Code","message":"..."}}. */
public final class AwsJsonErrorWriter extends DocumentErrorWriter {
  private final String contentType;
  private final DocumentWriter writer = new DocumentWriter(Documents.JSON, TimestampFormat.EPOCH_SECONDS);

  public AwsJsonErrorWriter(AwsProtocol protocol) {
    this.contentType = AwsJsonSerializer.contentType(protocol);
  }

  @Override
  protected String type(ServiceDefinition service, ErrorCode code) {
    return qualified(service, code);
  }

  @Override
  protected HttpHeaders headers(ServiceDefinition service, AwsServiceException error) {
    return HttpHeaders.of("Content-Type", contentType);
  }

  @Override
  protected DocumentWriter writer(ServiceDefinition service) {
    return writer;
  }
}
