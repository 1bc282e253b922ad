package dev.onair.protocol;

import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.StructNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small service definitions and requests for protocol tests; operations echo nothing and are never invoked. */
public final class TestServices {
  private TestServices() {}

  public static Operation operation(String name) {
    return new Operation(name, Operation.Authorization.none(), (context, input) -> OperationResult.empty());
  }

  public static ServiceDefinition query(String... operations) {
    return new ServiceDefinition(
        "iam",
        List.of(AwsProtocol.AWS_QUERY),
        "https://iam.amazonaws.com/doc/2010-05-08/",
        "2010-05-08",
        null,
        false,
        null,
        ErrorCode.of("AccessDenied", 403),
        ErrorCode.of("ValidationError", 400),
        ErrorCode.of("InvalidAction", 400),
        null,
        ServiceDefinition.index(ops(operations)));
  }

  /** CloudWatch-like: three protocols, query-compatible errors. */
  public static ServiceDefinition monitoring(String... operations) {
    return new ServiceDefinition(
        "monitoring",
        List.of(AwsProtocol.RPC_V2_CBOR, AwsProtocol.AWS_JSON_1_0, AwsProtocol.AWS_QUERY),
        "http://monitoring.amazonaws.com/doc/2010-08-01/",
        "2010-08-01",
        "GraniteServiceVersion20100801",
        true,
        "com.amazonaws.cloudwatch",
        ErrorCode.of("AccessDenied", 403),
        ErrorCode.of("InvalidParameterValue", 400),
        ErrorCode.of("InvalidAction", 400),
        null,
        ServiceDefinition.index(ops(operations)));
  }

  public static ServiceDefinition json11(String... operations) {
    return new ServiceDefinition(
        "servicequotas",
        List.of(AwsProtocol.AWS_JSON_1_1),
        null,
        null,
        "ServiceQuotasV20190624",
        false,
        "com.amazonaws.servicequotas",
        ErrorCode.of("AccessDeniedException", 403),
        ErrorCode.of("IllegalArgumentException", 400),
        ErrorCode.of("UnknownOperationException", 400),
        null,
        ServiceDefinition.index(ops(operations)));
  }

  /** IVS-like: POST /{Operation}; GET /channels/{arn} binds "arn". */
  public static ServiceDefinition restJson(TimestampFormat timestamps, String... operations) {
    List<Operation> list = ops(operations);
    RestRouter router =
        request -> {
          String path = request.rawPath();
          if (request.method().equals("GET") && path.startsWith("/channels/")) {
            return Optional.of(
                new RestRoute(
                    "GetChannel", StructNode.builder().put("arn", path.substring("/channels/".length())).build()));
          }
          String name = path.substring(1);
          return request.method().equals("POST") && list.stream().anyMatch(op -> op.name().equals(name))
              ? Optional.of(new RestRoute(name, StructNode.EMPTY))
              : Optional.empty();
        };
    return new ServiceDefinition(
            "ivs",
            List.of(AwsProtocol.REST_JSON_1),
            null,
            null,
            null,
            false,
            null,
            ErrorCode.of("AccessDeniedException", 403),
            ErrorCode.of("ValidationException", 400),
            ErrorCode.of("UnknownOperationException", 404),
            router,
            ServiceDefinition.index(list))
        .withSettings(ProtocolSettings.DEFAULTS.withRestJsonTimestamps(timestamps));
  }

  private static List<Operation> ops(String... names) {
    List<Operation> list = new ArrayList<>();
    for (String name : names) {
      list.add(operation(name));
    }
    return list;
  }

  public static HttpRequest post(String path, String contentType, byte[] body, String... headers) {
    HttpHeaders all = HttpHeaders.of(headers);
    if (contentType != null) {
      all = all.with("Content-Type", contentType);
    }
    return new HttpRequest("POST", path, "", all, body, "127.0.0.1", false);
  }

  public static HttpRequest form(String body) {
    return post(
        "/", "application/x-www-form-urlencoded; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpRequest get(String path, String query) {
    return new HttpRequest("GET", path, query, HttpHeaders.EMPTY, new byte[0], "127.0.0.1", false);
  }

  public static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
