package dev.onair.protocol.restjson;

import static dev.onair.protocol.TestServices.post;
import static dev.onair.protocol.TestServices.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TestServices;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestJsonTest {
  private static final ServiceDefinition IVS =
      TestServices.restJson(TimestampFormat.ISO_8601, "CreateChannel", "GetChannel", "DeleteChannel");

  @Test
  void parse_routeAndBody() {
    ParsedRequest parsed =
        new RestJsonParser()
            .parse(
                post("/CreateChannel", "application/json", "{\"name\":\"c1\",\"tags\":{\"k\":\"v\"}}".getBytes(StandardCharsets.UTF_8)),
                IVS);
    assertThat(parsed.operationName()).isEqualTo("CreateChannel");
    assertThat(parsed.input().string("name")).isEqualTo("c1");
    assertThat(parsed.input().map("tags").strings()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void parse_boundMemberWinsOverBody() {
    HttpRequest request =
        new HttpRequest(
            "GET", "/channels/arn1", "", HttpHeaders.EMPTY, "{\"arn\":\"body\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", false);
    assertThat(new RestJsonParser().parse(request, IVS).input().string("arn")).isEqualTo("arn1");
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("no route", post("/Nope", "application/json", new byte[0]), "UnknownOperationException"),
        Arguments.of(
            "malformed body",
            post("/CreateChannel", "application/json", "{\"name\"".getBytes(StandardCharsets.UTF_8)),
            "ValidationException"),
        Arguments.of(
            "invalid utf-8",
            post("/CreateChannel", "application/json", new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}),
            "ValidationException"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void parse_badInput_awsError(String label, HttpRequest request, String code) {
    assertThatThrownBy(() -> new RestJsonParser().parse(request, IVS))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.errorCode().code()).isEqualTo(code));
  }

  static Stream<Arguments> timestamps() {
    return Stream.of(
        Arguments.of(TimestampFormat.ISO_8601, "{\"at\":\"2024-01-01T00:00:00Z\"}"),
        Arguments.of(TimestampFormat.EPOCH_SECONDS, "{\"at\":1704067200}"));
  }

  @ParameterizedTest
  @MethodSource("timestamps")
  void serialize_timestampFormatPerService(TimestampFormat format, String body) {
    ServiceDefinition service = TestServices.restJson(format, "GetChannel");
    StructNode output = StructNode.builder().put("at", Instant.parse("2024-01-01T00:00:00Z")).build();
    HttpResponse response =
        new RestJsonSerializer()
            .serialize(service, "GetChannel", (OperationResult.Output) OperationResult.output(output), "r");
    assertThat(text(response.body())).isEqualTo(body);
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void serialize_noContent_emptyBody() {
    HttpResponse response =
        new RestJsonSerializer()
            .serialize(IVS, "DeleteChannel", (OperationResult.Output) OperationResult.noContent(), "r");
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void write_errorTypeHeaderAndExtras() {
    AwsServiceException error =
        new AwsServiceException(
            ErrorCode.of("ResourceNotFoundException", 404), "not found", Map.of("resourceArn", "arn:x"));
    HttpResponse response = new RestJsonErrorWriter().write(IVS, error, "r");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers().get("x-amzn-ErrorType")).isEqualTo("ResourceNotFoundException");
    assertThat(text(response.body()))
        .isEqualTo(
            "{\"__type\":\"ResourceNotFoundException\",\"message\":\"not found\",\"exceptionMessage\":\"not found\","
                + "\"resourceArn\":\"arn:x\"}");
  }
}
