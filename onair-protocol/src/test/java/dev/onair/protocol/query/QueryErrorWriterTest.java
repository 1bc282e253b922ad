package dev.onair.protocol.query;

import static dev.onair.protocol.TestServices.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.TestServices;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryErrorWriterTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("NoSuchEntity", 404, "The user with name bob cannot be found.", "Sender"),
        Arguments.of("ServiceFailure", 500, "boom <&>", "Receiver"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void write_errorResponse(String code, int status, String message, String type) {
    HttpResponse response =
        new QueryErrorWriter()
            .write(TestServices.query(), new AwsServiceException(ErrorCode.of(code, status), message), "rid");
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers().get("Content-Type")).isEqualTo("text/xml");
    String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    assertThat(text(response.body()))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + escaped + "</Message></Error>"
                + "<RequestId>rid</RequestId></ErrorResponse>");
  }
}
