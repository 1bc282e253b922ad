package dev.onair.protocol.json;

import static dev.onair.protocol.TestServices.post;
import static dev.onair.protocol.TestServices.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TestServices;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.BlobNode;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AwsJsonTest {
  private static final ServiceDefinition QUOTAS = TestServices.json11("ListServices", "GetServiceQuota");
  private static final ServiceDefinition CLOUDWATCH = TestServices.monitoring("ListMetrics");

  private static HttpRequest request(String target, String body) {
    return post(
        "/", "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8), "X-Amz-Target", target);
  }

  @Test
  void parse_targetAndBody() {
    ParsedRequest parsed =
        new AwsJsonParser(AwsProtocol.AWS_JSON_1_1)
            .parse(
                request(
                    "ServiceQuotasV20190624.GetServiceQuota",
                    "{\"ServiceCode\":\"ivs\",\"MaxResults\":5,\"Flag\":true,\"Ids\":[\"a\",null,\"b\"],\"Gone\":null}"),
                QUOTAS);
    assertThat(parsed.operationName()).isEqualTo("GetServiceQuota");
    assertThat(parsed.input().string("ServiceCode")).isEqualTo("ivs");
    assertThat(parsed.input().integer("MaxResults")).isEqualTo(5);
    assertThat(parsed.input().bool("Flag")).isTrue();
    assertThat(parsed.input().list("Ids").strings()).containsExactly("a", "b");
    assertThat(parsed.input().has("Gone")).isFalse();
  }

  @Test
  void parse_emptyBody_emptyInput() {
    ParsedRequest parsed =
        new AwsJsonParser(AwsProtocol.AWS_JSON_1_1).parse(request("ServiceQuotasV20190624.ListServices", ""), QUOTAS);
    assertThat(parsed.input().members()).isEmpty();
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("malformed json", "ServiceQuotasV20190624.ListServices", "{\"a\":", "SerializationException"),
        Arguments.of("array body", "ServiceQuotasV20190624.ListServices", "[1]", "SerializationException"),
        Arguments.of("trailing garbage", "ServiceQuotasV20190624.ListServices", "{} {}", "SerializationException"),
        Arguments.of("unknown operation", "ServiceQuotasV20190624.Nope", "{}", "UnknownOperationException"),
        Arguments.of("wrong prefix", "Other.ListServices", "{}", "UnknownOperationException"),
        Arguments.of("no target", "", "{}", "UnknownOperationException"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void parse_badInput_awsError(String label, String target, String body, String code) {
    assertThatThrownBy(() -> new AwsJsonParser(AwsProtocol.AWS_JSON_1_1).parse(request(target, body), QUOTAS))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.errorCode().code()).isEqualTo(code));
  }

  @Test
  void serialize_epochSecondsAndBase64() {
    StructNode output =
        StructNode.builder()
            .put("At", Instant.parse("2024-01-01T00:00:00Z"))
            .put("AtMillis", Instant.parse("2024-01-01T00:00:00.250Z"))
            .put("Data", new BlobNode(new byte[] {1, 2, 3}))
            .put("Items", ListNode.ofStrings(java.util.List.of("x")))
            .put("Ratio", 0.5)
            .build();
    HttpResponse response =
        new AwsJsonSerializer(AwsProtocol.AWS_JSON_1_0)
            .serialize(CLOUDWATCH, "ListMetrics", (OperationResult.Output) OperationResult.output(output), "r");
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/x-amz-json-1.0");
    assertThat(text(response.body()))
        .isEqualTo("{\"At\":1704067200,\"AtMillis\":1704067200.25,\"Data\":\"AQID\",\"Items\":[\"x\"],\"Ratio\":0.5}");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(QUOTAS, "{\"__type\":\"com.amazonaws.servicequotas#NoSuchResourceException\",\"message\":\"m\"}", null),
        Arguments.of(
            CLOUDWATCH,
            "{\"__type\":\"com.amazonaws.cloudwatch#NoSuchResourceException\",\"message\":\"m\"}",
            "NoSuchResourceException;Sender"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void write_typeAndQueryError(ServiceDefinition service, String body, String queryError) {
    HttpResponse response =
        new AwsJsonErrorWriter(AwsProtocol.AWS_JSON_1_1)
            .write(service, new AwsServiceException(ErrorCode.of("NoSuchResourceException", 404), "m"), "r");
    assertThat(response.status()).isEqualTo(404);
    assertThat(text(response.body())).isEqualTo(body);
    assertThat(response.headers().get("x-amzn-query-error")).isEqualTo(queryError);
  }
}
