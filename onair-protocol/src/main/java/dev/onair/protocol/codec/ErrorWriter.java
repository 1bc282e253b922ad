package dev.onair.protocol.codec;

import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;

/** Writes an AWS error in one protocol's error format, with the code's HTTP status. */
public interface ErrorWriter {
  HttpResponse write(ServiceDefinition service, AwsServiceException error, String requestId);
}
