package dev.onair.protocol.cbor;

import static dev.onair.protocol.TestServices.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TestServices;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.json.Documents;
import dev.onair.protocol.tree.BlobNode;
import dev.onair.protocol.tree.StructNode;
import dev.onair.protocol.tree.TimestampNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RpcV2CborTest {
  private static final ServiceDefinition CLOUDWATCH = TestServices.monitoring("PutMetricData", "ListMetrics");
  private static final String PATH = "/service/GraniteServiceVersion20100801/operation/";

  private static byte[] cborInput() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator generator = Documents.CBOR.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("Namespace", "Onair");
      generator.writeFieldName("Timestamp");
      generator.writeTag(1);
      generator.writeNumber(1704067200.5);
      generator.writeFieldName("Payload");
      generator.writeBinary(new byte[] {9, 8});
      generator.writeFieldName("Values");
      generator.writeStartArray();
      generator.writeNumber(1);
      generator.writeNumber(2.5);
      generator.writeEndArray();
      generator.writeEndObject();
    }
    return out.toByteArray();
  }

  @Test
  void parse_pathAndCborMap() throws IOException {
    ParsedRequest parsed =
        new RpcV2CborParser()
            .parse(post(PATH + "PutMetricData", "application/cbor", cborInput(), "smithy-protocol", "rpc-v2-cbor"), CLOUDWATCH);
    assertThat(parsed.operationName()).isEqualTo("PutMetricData");
    assertThat(parsed.input().string("Namespace")).isEqualTo("Onair");
    assertThat(parsed.input().get("Timestamp"))
        .isEqualTo(new TimestampNode(Instant.parse("2024-01-01T00:00:00.500Z")));
    assertThat(parsed.input().get("Payload")).isEqualTo(new BlobNode(new byte[] {9, 8}));
    assertThat(parsed.input().list("Values").strings()).containsExactly("1", "2.5");
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("unknown operation", PATH + "Nope", new byte[] {(byte) 0xA0}, "UnknownOperationException"),
        Arguments.of(
            "wrong service shape",
            "/service/Other/operation/ListMetrics",
            new byte[] {(byte) 0xA0},
            "UnknownOperationException"),
        Arguments.of("truncated map", PATH + "ListMetrics", new byte[] {(byte) 0xA1, 0x61}, "SerializationException"),
        Arguments.of("not a map", PATH + "ListMetrics", new byte[] {0x01}, "SerializationException"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void parse_badInput_awsError(String label, String path, byte[] body, String code) {
    assertThatThrownBy(() -> new RpcV2CborParser().parse(post(path, "application/cbor", body), CLOUDWATCH))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.errorCode().code()).isEqualTo(code));
  }

  @Test
  @SuppressWarnings("deprecation")
  void serialize_timestampTag1() throws IOException {
    StructNode output = StructNode.builder().put("At", Instant.parse("2024-01-01T00:00:00Z")).build();
    HttpResponse response =
        new RpcV2CborSerializer()
            .serialize(CLOUDWATCH, "ListMetrics", (OperationResult.Output) OperationResult.output(output), "r");
    assertThat(response.headers().get("smithy-protocol")).isEqualTo("rpc-v2-cbor");
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/cbor");
    try (CBORParser parser = Documents.CBOR.createParser(response.body())) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(parser.nextFieldName()).isEqualTo("At");
      assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
      assertThat(parser.getCurrentTag()).isEqualTo(1);
      assertThat(parser.getLongValue()).isEqualTo(1704067200L);
    }
  }

  @Test
  void write_cborErrorWithQueryError() throws IOException {
    HttpResponse response =
        new RpcV2CborErrorWriter()
            .write(CLOUDWATCH, new AwsServiceException(ErrorCode.of("InvalidParameterValue", 400), "bad"), "r");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().get("x-amzn-query-error")).isEqualTo("InvalidParameterValue;Sender");
    StructNode body =
        new dev.onair.protocol.json.DocumentReader(Documents.CBOR)
            .readObject(response.body(), ErrorCode.of("SerializationException", 400));
    assertThat(body.string("__type")).isEqualTo("com.amazonaws.cloudwatch#InvalidParameterValue");
    assertThat(body.string("message")).isEqualTo("bad");
  }
}
