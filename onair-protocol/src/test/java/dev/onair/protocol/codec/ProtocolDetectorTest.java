package dev.onair.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TestServices;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolDetectorTest {
  private static final ServiceDefinition CLOUDWATCH = TestServices.monitoring("ListMetrics");
  private static final ServiceDefinition IAM = TestServices.query("ListUsers");
  private static final ServiceDefinition IVS = TestServices.restJson(TimestampFormat.ISO_8601, "ListChannels");
  private static final ServiceDefinition QUOTAS = TestServices.json11("ListServices");

  private static HttpRequest request(String method, String path, String query, String... headers) {
    return new HttpRequest(method, path, query, HttpHeaders.of(headers), new byte[0], "127.0.0.1", false);
  }

  static Stream<Arguments> cases() {
    String form = "application/x-www-form-urlencoded; charset=utf-8";
    return Stream.of(
        Arguments.of(
            "json 1.0 target",
            CLOUDWATCH,
            request("POST", "/", "", "X-Amz-Target", "GraniteServiceVersion20100801.ListMetrics", "Content-Type", "application/x-amz-json-1.0", "x-amzn-query-mode", "true"),
            AwsProtocol.AWS_JSON_1_0),
        Arguments.of(
            "cbor header and path",
            CLOUDWATCH,
            request("POST", "/service/GraniteServiceVersion20100801/operation/ListMetrics", "", "smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor"),
            AwsProtocol.RPC_V2_CBOR),
        Arguments.of(
            "cbor path only",
            CLOUDWATCH,
            request("POST", "/service/GraniteServiceVersion20100801/operation/ListMetrics", ""),
            AwsProtocol.RPC_V2_CBOR),
        Arguments.of("query form", CLOUDWATCH, request("POST", "/", "", "Content-Type", form), AwsProtocol.AWS_QUERY),
        Arguments.of("query GET Action", IAM, request("GET", "/", "Action=ListUsers&Version=2010-05-08"), AwsProtocol.AWS_QUERY),
        Arguments.of("rest", IVS, request("POST", "/ListChannels", "", "Content-Type", "application/json"), AwsProtocol.REST_JSON_1),
        Arguments.of("form to a REST service stays REST", IVS, request("POST", "/ListChannels", "", "Content-Type", form), AwsProtocol.REST_JSON_1),
        Arguments.of("json marker to a Query-only service", IAM, request("POST", "/", "", "X-Amz-Target", "X.Y", "Content-Type", "application/x-amz-json-1.1"), AwsProtocol.AWS_QUERY),
        Arguments.of("no marker to a multi-protocol service", CLOUDWATCH, request("POST", "/", ""), AwsProtocol.RPC_V2_CBOR),
        Arguments.of("json 1.1 target", QUOTAS, request("POST", "/", "", "X-Amz-Target", "ServiceQuotasV20190624.ListServices", "Content-Type", "application/x-amz-json-1.1"), AwsProtocol.AWS_JSON_1_1),
        Arguments.of("target without a json version, 1.1 service", QUOTAS, request("POST", "/", "", "X-Amz-Target", "ServiceQuotasV20190624.ListServices", "Content-Type", "application/json"), AwsProtocol.AWS_JSON_1_1),
        Arguments.of("target without a json version, 1.0 service", CLOUDWATCH, request("POST", "/", "", "X-Amz-Target", "GraniteServiceVersion20100801.ListMetrics"), AwsProtocol.AWS_JSON_1_0),
        Arguments.of("json 1.1 marker to a 1.0 service: next marker", CLOUDWATCH, request("POST", "/", "", "X-Amz-Target", "GraniteServiceVersion20100801.ListMetrics", "Content-Type", "application/x-amz-json-1.1"), AwsProtocol.RPC_V2_CBOR),
        Arguments.of("json 1.0 marker to a 1.1 service", QUOTAS, request("POST", "/", "", "X-Amz-Target", "ServiceQuotasV20190624.ListServices", "Content-Type", "application/x-amz-json-1.0"), AwsProtocol.AWS_JSON_1_1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detect_byMarkers(String label, ServiceDefinition service, HttpRequest request, AwsProtocol expected) {
    assertThat(ProtocolDetector.detect(request, service)).isEqualTo(expected);
  }
}
