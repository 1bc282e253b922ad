package dev.onair.protocol.codec;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.AwsProtocol;

/**
 * The three halves of one protocol. restXml has no parser or serialiser here because S3 routes and answers
 * itself ({@code OperationResult.Raw}); its codec parses through the service's router only.
 */
public record ProtocolCodec(
    AwsProtocol protocol, RequestParser parser, ResponseSerializer serializer, ErrorWriter errorWriter) {
  public ProtocolCodec {
    requireNonNull(protocol, "protocol is null");
    requireNonNull(parser, "parser is null");
    requireNonNull(serializer, "serializer is null");
    requireNonNull(errorWriter, "errorWriter is null");
  }
}
