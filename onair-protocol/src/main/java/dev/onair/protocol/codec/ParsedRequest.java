package dev.onair.protocol.codec;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.tree.StructNode;

/** A request after its protocol's parser: which operation, with what input, in which protocol. */
public record ParsedRequest(AwsProtocol protocol, Operation operation, StructNode input) {
  public ParsedRequest {
    requireNonNull(protocol, "protocol is null");
    requireNonNull(operation, "operation is null");
    requireNonNull(input, "input is null");
  }

  public String operationName() {
    return operation.name();
  }
}
