package dev.onair.protocol.codec;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.cbor.RpcV2CborParser;
import dev.onair.protocol.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides which protocol a request was sent in, from its markers: {@code X-Amz-Target} with an awsJson content
 * type, the rpc-v2-cbor header or path, a form body or {@code Action} parameter, else REST. A service that speaks
 * several protocols (CloudWatch) is answered in the one the client used; a marker for a protocol the service does
 * not speak is ignored (an S3 POST upload is a form, but S3 is REST).
 */
public final class ProtocolDetector {
  private ProtocolDetector() {}

  /** The protocols the request's markers suggest, most specific first; REST is always last. */
  public static List<AwsProtocol> candidates(HttpRequest request) {
    List<AwsProtocol> candidates = new ArrayList<>();
    String contentType = lower(request.header("Content-Type"));
    if (request.header("X-Amz-Target") != null) {
      if (contentType.startsWith("application/x-amz-json-1.0")) {
        candidates.add(AwsProtocol.AWS_JSON_1_0);
      } else if (contentType.startsWith("application/x-amz-json-1.1")) {
        candidates.add(AwsProtocol.AWS_JSON_1_1);
      } else {
        candidates.add(AwsProtocol.AWS_JSON_1_1);
        candidates.add(AwsProtocol.AWS_JSON_1_0);
      }
    }
    if ("rpc-v2-cbor".equalsIgnoreCase(request.header("smithy-protocol"))
        || RpcV2CborParser.isOperationPath(request.rawPath())) {
      candidates.add(AwsProtocol.RPC_V2_CBOR);
    }
    if (contentType.startsWith("application/x-www-form-urlencoded") || hasActionParameter(request)) {
      candidates.add(AwsProtocol.AWS_QUERY);
    }
    candidates.add(AwsProtocol.REST_JSON_1);
    candidates.add(AwsProtocol.REST_XML);
    return candidates;
  }

  /** The protocol to read the request with and answer in, among those the service speaks. */
  public static AwsProtocol detect(HttpRequest request, ServiceDefinition service) {
    for (AwsProtocol candidate : candidates(request)) {
      if (service.speaks(candidate)) {
        return candidate;
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
