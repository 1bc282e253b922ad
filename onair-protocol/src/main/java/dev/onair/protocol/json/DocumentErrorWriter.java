package dev.onair.protocol.json;

import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ErrorWriter;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import java.util.Map;

/**
 * The shared shape of JSON and CBOR errors: a document with {@code __type}, the message and the error's extra
 * members, plus {@code x-amzn-query-error} for services that moved from Query and keep its codes.
 */
public abstract class DocumentErrorWriter implements ErrorWriter {
  @Override
  public final HttpResponse write(ServiceDefinition service, AwsServiceException error, String requestId) {
    StructNode.Builder body = StructNode.builder();
    body.put("__type", type(service, error.errorCode()));
    body.put("message", error.getMessage());
    addMembers(body, error);
    for (Map.Entry<String, String> extra : error.orderedExtraFields()) {
      body.put(extra.getKey(), extra.getValue());
    }
    HttpHeaders headers = headers(service, error);
    if (service != null && service.queryCompatible()) {
      String fault = error.errorCode().isSenderFault() ? "Sender" : "Receiver";
      headers = headers.with("x-amzn-query-error", error.errorCode().code() + ";" + fault);
    }
    return new HttpResponse(error.errorCode().httpStatus(), headers, writer(service).write(body.build()));
  }

  /** The {@code __type} value. */
  protected abstract String type(ServiceDefinition service, ErrorCode code);

  /** Members some protocols add besides {@code __type} and {@code message}. */
  protected void addMembers(StructNode.Builder body, AwsServiceException error) {}

  protected abstract HttpHeaders headers(ServiceDefinition service, AwsServiceException error);

  protected abstract DocumentWriter writer(ServiceDefinition service);

  /** {@code namespace#Code}, or the bare code when the service has no namespace. */
  protected static String qualified(ServiceDefinition service, ErrorCode code) {
    String namespace = service == null ? null : service.errorNamespace();
    return namespace == null || namespace.isEmpty() ? code.code() : namespace + "#" + code.code();
  }
}
