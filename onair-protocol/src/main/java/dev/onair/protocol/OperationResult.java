package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;

/**
 * What an operation returns: a modelled output that the protocol serialiser writes, or, for services whose
 * responses are mostly headers and raw bytes (S3 objects), a finished HTTP response.
 */
public sealed interface OperationResult permits OperationResult.Output, OperationResult.Raw {

  /** @param status the operation's success code (200, or 204 for IVS deletes) */
  record Output(StructNode body, int status, HttpHeaders headers) implements OperationResult {
    public Output {
      requireNonNull(body, "body is null");
      requireNonNull(headers, "headers is null");
    }
  }

  record Raw(HttpResponse response) implements OperationResult {
    public Raw {
      requireNonNull(response, "response is null");
    }
  }

  static OperationResult output(StructNode body) {
    return new Output(body, 200, HttpHeaders.EMPTY);
  }

  static OperationResult empty() {
    return new Output(StructNode.EMPTY, 200, HttpHeaders.EMPTY);
  }

  static OperationResult noContent() {
    return new Output(StructNode.EMPTY, 204, HttpHeaders.EMPTY);
  }

  static OperationResult raw(HttpResponse response) {
    return new Raw(response);
  }
}
