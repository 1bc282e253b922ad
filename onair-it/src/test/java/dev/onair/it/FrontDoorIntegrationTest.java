package dev.onair.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;

/** The front door against the real process: health, headers, authentication failures and bad input. */
class FrontDoorIntegrationTest {
  private static final int LIMIT = 65_536;

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension("--max-request-bytes", Integer.toString(LIMIT));

  private static OnairProcess onair() {
    return ONAIR.process();
  }

  @AfterAll
  static void logHasNoStackTraces() {
    // bad input must never reach the generic 500 path, which is the only one that logs a stack trace
    assertThat(onair().log()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(onair().log()).doesNotContain(OnairProcess.ADMIN_SECRET_ACCESS_KEY);
  }

  @Test
  void health_okWithDateAndRequestId() {
    HttpResponse<String> response = RawRequests.get(onair(), "/_onair/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    String date = response.headers().firstValue("Date").orElseThrow();
    Instant parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertThat(parsed).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
    System.out.println("startup time: " + onair().startupTime().toMillis() + " ms");
  }

  @Test
  void unauthenticatedQuery_missingAuthenticationToken() {
    HttpResponse<String> response =
        RawRequests.post(
            onair(), "/", RawRequests.FORM, "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
    assertThat(response.body())
        .contains("<Code>MissingAuthenticationToken</Code>")
        .contains("<Type>Sender</Type>")
        .contains("<RequestId>" + response.headers().firstValue("x-amzn-RequestId").orElseThrow() + "</RequestId>");
  }

  @Test
  void sdk_adminListsUsers() {
    try (IamClient iam = Clients.iam(onair())) {
      ListUsersResponse users = iam.listUsers();
      assertThat(users.users()).extracting(user -> user.userName()).contains("admin");
    }
  }

  @Test
  void apiCallLog_oneJsonObjectPerCall() throws Exception {
    String requestId;
    try (IamClient iam = Clients.iam(onair())) {
      requestId = iam.getUser().responseMetadata().requestId();
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode line = null;
    for (int attempt = 0; attempt < 50 && line == null; attempt++) {
      for (String text : onair().log().split("\n")) {
        if (text.startsWith("{") && text.contains(requestId)) {
          line = json.readTree(text);
        }
      }
      if (line == null) {
        Thread.sleep(100);
      }
    }
    assertThat(line).as("JSON log line for request %s", requestId).isNotNull();
    assertThat(line.get("principal").asText()).isEqualTo("arn:aws:iam::123456789012:user/admin");
    assertThat(line.get("action").asText()).isEqualTo("iam:GetUser");
    assertThat(line.get("decision").asText()).isEqualTo("ALLOW");
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(line.has("latencyMs")).isTrue();
    assertThat(Instant.parse(line.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
  }

  static Stream<Arguments> badCredentials() {
    return Stream.of(
        Arguments.of(
            "wrong secret",
            AwsBasicCredentials.create(OnairProcess.ADMIN_ACCESS_KEY_ID, "not-the-secret-at-all-000000000"),
            "SignatureDoesNotMatch",
            403),
        Arguments.of(
            "unknown key",
            AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "whatever-secret-000000000000000"),
            "InvalidClientTokenId",
            403));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCredentials")
  void sdk_badCredentials_awsError(
      String label, AwsBasicCredentials credentials, String code, int status) {
    try (IamClient iam = Clients.iam(onair(), credentials)) {
      IamException error = catchThrowableOfType(IamException.class, iam::listUsers);
      assertThat(error).isNotNull();
      assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(error.statusCode()).isEqualTo(status);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {-20, 20})
  void skewedClock_signatureDoesNotMatch(int minutes) {
    HttpResponse<String> response =
        RawRequests.signedPost(
            onair(),
            "iam",
            RawRequests.FORM,
            "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8),
            Instant.now().plusSeconds(minutes * 60L),
            OnairProcess.ADMIN_SECRET_ACCESS_KEY);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("Signature ");
  }

  @Test
  void signedCorrectly_rawRequestAllowed() {
    HttpResponse<String> response = RawRequests.signedForm(onair(), "iam", "Action=ListUsers&Version=2010-05-08");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<ListUsersResponse").contains("<UserName>admin</UserName>");
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("unknown action", "Action=Frobnicate&Version=2010-05-08", "InvalidAction",
            "Could not find operation Frobnicate for version 2010-05-08"),
        Arguments.of("missing action", "Version=2010-05-08", "MissingAction", "Missing Action"),
        Arguments.of("malformed escape", "Action=ListUsers&Version=2010-05-08&Marker=%zz", "MalformedQueryString", null),
        Arguments.of("invalid utf-8", "Action=ListUsers&Version=2010-05-08&Marker=%C3%28", "MalformedQueryString", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInput_400NotServerError(String label, String form, String code, String message) {
    HttpResponse<String> response = RawRequests.signedForm(onair(), "iam", form);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>" + code + "</Code>");
    if (message != null) {
      assertThat(response.body()).contains("<Message>" + message + "</Message>");
    }
  }

  @Test
  void invalidUtf8Body_400() {
    byte[] body = "Action=ListUsers&Version=2010-05-08&Marker=".getBytes(StandardCharsets.UTF_8);
    byte[] withBadByte = Arrays.copyOf(body, body.length + 1);
    withBadByte[body.length] = (byte) 0xFF;
    HttpResponse<String> response =
        RawRequests.signedPost(
            onair(), "iam", RawRequests.FORM, withBadByte, Instant.now(), OnairProcess.ADMIN_SECRET_ACCESS_KEY);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>MalformedQueryString</Code>");
  }

  @Test
  void oversizedBody_413InQueryFormat() {
    byte[] body = new byte[LIMIT * 2];
    Arrays.fill(body, (byte) 'a');
    HttpResponse<String> response = RawRequests.post(onair(), "/", RawRequests.FORM, body);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("<Code>RequestEntityTooLarge</Code>");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(onair().isAlive()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {AwsCli.ON_PATH, AwsCli.DEBIAN})
  void cli_listUsers(String cli) {
    AwsCli.Result result = AwsCli.runAsAdmin(cli, onair(), "iam", "list-users");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("\"UserName\": \"admin\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {AwsCli.ON_PATH, AwsCli.DEBIAN})
  void cli_wrongSecret_signatureDoesNotMatch(String cli) {
    AwsCli.Result result =
        AwsCli.run(cli, onair(), OnairProcess.ADMIN_ACCESS_KEY_ID, "wrong-secret-0000000000000000", "iam", "list-users");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("SignatureDoesNotMatch");
  }
}
