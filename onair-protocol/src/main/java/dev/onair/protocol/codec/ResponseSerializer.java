package dev.onair.protocol.codec;

import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.http.HttpResponse;

/** Writes an operation's output in one protocol's success format. */
public interface ResponseSerializer {
  HttpResponse serialize(
      ServiceDefinition service, String operationName, OperationResult.Output output, String requestId);
}
