package dev.onair.protocol.query;

import static dev.onair.protocol.TestServices.form;
import static dev.onair.protocol.TestServices.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TestServices;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParserTest {
  private static final ServiceDefinition IAM = TestServices.query("CreateUser", "ListUsers", "GetAccountSummary");
  private final QueryParser parser = new QueryParser();

  @Test
  void parse_scalarsAndOperation() {
    ParsedRequest parsed = parser.parse(form("Action=CreateUser&Version=2010-05-08&UserName=alice&Path=%2Fa%2F"), IAM);
    assertThat(parsed.operationName()).isEqualTo("CreateUser");
    assertThat(parsed.input().string("UserName")).isEqualTo("alice");
    assertThat(parsed.input().string("Path")).isEqualTo("/a/");
    assertThat(parsed.input().has("Action")).isFalse();
    assertThat(parsed.input().has("Version")).isFalse();
  }

  @Test
  void parse_memberListOrderedByIndex() {
    ParsedRequest parsed =
        parser.parse(
            form(
                "Action=CreateUser&Tags.member.2.Key=b&Tags.member.2.Value=2"
                    + "&Tags.member.10.Key=c&Tags.member.10.Value=3&Tags.member.1.Key=a&Tags.member.1.Value=1"),
            IAM);
    ListNode tags = parsed.input().list("Tags");
    assertThat(tags.items()).hasSize(3);
    assertThat(tags.items())
        .extracting(item -> ((StructNode) item).string("Key"))
        .containsExactly("a", "b", "c");
  }

  @Test
  void parse_scalarMemberList() {
    ParsedRequest parsed = parser.parse(form("Action=ListUsers&Names.member.1=x&Names.member.2=y"), IAM);
    assertThat(parsed.input().list("Names").strings()).containsExactly("x", "y");
  }

  @Test
  void parse_entryMap() {
    ParsedRequest parsed =
        parser.parse(
            form("Action=ListUsers&Attrs.entry.1.key=k1&Attrs.entry.1.value=v1&Attrs.entry.2.key=k2&Attrs.entry.2.value=v2"),
            IAM);
    MapNode map = parsed.input().map("Attrs");
    assertThat(map.strings()).containsExactly(java.util.Map.entry("k1", "v1"), java.util.Map.entry("k2", "v2"));
  }

  @Test
  void parse_nestedStruct() {
    ParsedRequest parsed = parser.parse(form("Action=ListUsers&Outer.Inner.Leaf=v&Outer.Other=w"), IAM);
    StructNode outer = parsed.input().struct("Outer");
    assertThat(outer.struct("Inner").string("Leaf")).isEqualTo("v");
    assertThat(outer.string("Other")).isEqualTo("w");
  }

  @Test
  void parse_emptyListMarker() {
    ParsedRequest parsed = parser.parse(form("Action=ListUsers&Tags="), IAM);
    assertThat(parsed.input().get("Tags")).isEqualTo(new StringNode(""));
    assertThat(parsed.input().list("Tags").items()).isEmpty();
  }

  @Test
  void parse_getQueryString() {
    ParsedRequest parsed = parser.parse(get("/", "Action=ListUsers&Version=2010-05-08&MaxItems=5"), IAM);
    assertThat(parsed.operationName()).isEqualTo("ListUsers");
    assertThat(parsed.input().integer("MaxItems")).isEqualTo(5);
  }

  static Stream<Arguments> badRequests() {
    byte[] invalidUtf8 = {'A', 'c', 't', 'i', 'o', 'n', '=', (byte) 0xC3, (byte) 0x28};
    return Stream.of(
        Arguments.of("missing action", form("Version=2010-05-08"), "MissingAction", 400, "Missing Action"),
        Arguments.of(
            "unknown action",
            form("Action=Frobnicate&Version=2010-05-08"),
            "InvalidAction",
            400,
            "Could not find operation Frobnicate for version 2010-05-08"),
        Arguments.of("bad escape", form("Action=ListUsers&UserName=%zz"), "MalformedQueryString", 400, null),
        Arguments.of("truncated escape", form("Action=ListUsers&UserName=%4"), "MalformedQueryString", 400, null),
        Arguments.of(
            "invalid utf-8 body",
            TestServices.post("/", "application/x-www-form-urlencoded", invalidUtf8),
            "MalformedQueryString",
            400,
            null),
        Arguments.of(
            "invalid utf-8 escape", form("Action=ListUsers&UserName=%C3%28"), "MalformedQueryString", 400, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void parse_badInput_awsError(String label, HttpRequest request, String code, int status, String message) {
    assertThatThrownBy(() -> parser.parse(request, IAM))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.errorCode().code()).isEqualTo(code);
              assertThat(e.errorCode().httpStatus()).isEqualTo(status);
              if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
              }
            });
  }

  @Test
  void parse_nonFormBody_ignored() {
    HttpRequest request =
        TestServices.post("/", "text/plain", "Action=CreateUser".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser.parse(request, IAM)).hasMessage("Missing Action");
  }
}
