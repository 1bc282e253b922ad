package dev.onair.protocol.codec;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.cbor.RpcV2CborParser;
import dev.onair.protocol.http.HttpRequest;
import java.util.Locale;

/**
 * Decides which protocol a request was sent in, from its markers: {@code X-Amz-Target} with an awsJson content
 * type, the rpc-v2-cbor header or path, a form body or {@code Action} parameter, else REST. A service that speaks
 * several protocols (CloudWatch) is answered in the one the client used; a marker for a protocol the service does
 * not speak is ignored (an S3 POST upload is a form, but S3 is REST).
 */
public final class ProtocolDetector {
  private static final AwsProtocol[] REST = {AwsProtocol.REST_JSON_1, AwsProtocol.REST_XML};

  private ProtocolDetector() {}

  /**
   * The protocol to read the request with and answer in: the first the service speaks of those the request's
   * markers suggest, most specific first (awsJson, rpc-v2-cbor, Query), else REST. A marker is looked at only when
   * the service speaks its protocol, because this runs on every request (twice for one the event loop classifies
   * and a worker then serves) and most services speak one protocol.
   */
  public static AwsProtocol detect(HttpRequest request, ServiceDefinition service) {
    boolean json10 = service.speaks(AwsProtocol.AWS_JSON_1_0);
    boolean json11 = service.speaks(AwsProtocol.AWS_JSON_1_1);
    if ((json10 || json11) && request.header("X-Amz-Target") != null) {
      String contentType = lower(request.header("Content-Type"));
      boolean says10 = contentType.startsWith("application/x-amz-json-1.0");
      boolean says11 = !says10 && contentType.startsWith("application/x-amz-json-1.1");
      if (json11 && !says10) { // named, or no version named: 1.1 is tried first
        return AwsProtocol.AWS_JSON_1_1;
      }
      if (json10 && !says11) {
        return AwsProtocol.AWS_JSON_1_0;
      }
    }
    if (service.speaks(AwsProtocol.RPC_V2_CBOR)
        && ("rpc-v2-cbor".equalsIgnoreCase(request.header("smithy-protocol"))
            || RpcV2CborParser.isOperationPath(request.rawPath()))) {
      return AwsProtocol.RPC_V2_CBOR;
    }
    if (service.speaks(AwsProtocol.AWS_QUERY)
        && (lower(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded")
            || hasActionParameter(request))) {
      return AwsProtocol.AWS_QUERY;
    }
    for (AwsProtocol rest : REST) {
      if (service.speaks(rest)) {
        return rest;
      }
    }
    return service.primaryProtocol();
  }

  private static boolean hasActionParameter(HttpRequest request) {
    String query = request.rawQuery();
    return query.startsWith("Action=") || query.contains("&Action=");
  }

  private static String lower(String value) {
    return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
  }
}
