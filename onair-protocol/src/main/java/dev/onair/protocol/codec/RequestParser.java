package dev.onair.protocol.codec;

import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpRequest;

/** Reads one protocol's requests into an operation and its input tree. */
public interface RequestParser {
  /**
   * @throws AwsServiceException for anything the client got wrong (malformed body, unknown operation), in the
   *     service's own codes; never another exception for bad input
   */
  ParsedRequest parse(HttpRequest request, ServiceDefinition service);
}
