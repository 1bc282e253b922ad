package dev.onair.protocol.query;

import static dev.onair.protocol.TestServices.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ProtocolSettings;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TestServices;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryXmlSerializerTest {
  private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final ServiceDefinition IAM =
      TestServices.query("CreateUser", "DeleteUser", "UpdateRole", "GetAccountSummary", "ListUsers")
          .withSettings(ProtocolSettings.DEFAULTS.withAlwaysWrappedResults(Set.of("UpdateRole")));

  static Stream<Arguments> cases() {
    Map<String, dev.onair.protocol.tree.Node> summary = new LinkedHashMap<>();
    summary.put("Users", NumberNode.of(3));
    summary.put("Groups", NumberNode.of(0));
    return Stream.of(
        Arguments.of(
            "struct with timestamp",
            "CreateUser",
            StructNode.builder()
                .put(
                    "User",
                    StructNode.builder()
                        .put("Path", "/")
                        .put("UserName", "alice")
                        .put("CreateDate", Instant.parse("2024-01-01T00:00:00.123Z"))
                        .build())
                .build(),
            "<CreateUserResponse xmlns=\"" + NS + "\"><CreateUserResult><User><Path>/</Path><UserName>alice</UserName>"
                + "<CreateDate>2024-01-01T00:00:00Z</CreateDate></User></CreateUserResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></CreateUserResponse>"),
        Arguments.of(
            "no output, no result element",
            "DeleteUser",
            StructNode.EMPTY,
            "<DeleteUserResponse xmlns=\"" + NS + "\"><ResponseMetadata><RequestId>req-1</RequestId>"
                + "</ResponseMetadata></DeleteUserResponse>"),
        Arguments.of(
            "always wrapped empty result",
            "UpdateRole",
            StructNode.EMPTY,
            "<UpdateRoleResponse xmlns=\"" + NS + "\"><UpdateRoleResult/><ResponseMetadata><RequestId>req-1"
                + "</RequestId></ResponseMetadata></UpdateRoleResponse>"),
        Arguments.of(
            "list members and booleans",
            "ListUsers",
            StructNode.builder()
                .put("Users", ListNode.of(StructNode.builder().put("UserName", "a").build()))
                .put("IsTruncated", false)
                .build(),
            "<ListUsersResponse xmlns=\"" + NS + "\"><ListUsersResult><Users><member><UserName>a</UserName></member>"
                + "</Users><IsTruncated>false</IsTruncated></ListUsersResult><ResponseMetadata><RequestId>req-1"
                + "</RequestId></ResponseMetadata></ListUsersResponse>"),
        Arguments.of(
            "map entries",
            "GetAccountSummary",
            StructNode.builder().put("SummaryMap", new MapNode(summary)).build(),
            "<GetAccountSummaryResponse xmlns=\"" + NS + "\"><GetAccountSummaryResult><SummaryMap>"
                + "<entry><key>Users</key><value>3</value></entry><entry><key>Groups</key><value>0</value></entry>"
                + "</SummaryMap></GetAccountSummaryResult><ResponseMetadata><RequestId>req-1</RequestId>"
                + "</ResponseMetadata></GetAccountSummaryResponse>"),
        Arguments.of(
            "text escaped",
            "CreateUser",
            StructNode.builder().put("Doc", "%7B<a&b>\"\u0001").build(),
            "<CreateUserResponse xmlns=\"" + NS + "\"><CreateUserResult><Doc>%7B&lt;a&amp;b&gt;\"\uFFFD</Doc>"
                + "</CreateUserResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
                + "</CreateUserResponse>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void serialize_writesEnvelope(String label, String operation, StructNode output, String expected) {
    HttpResponse response =
        new QueryXmlSerializer().serialize(IAM, operation, (OperationResult.Output) OperationResult.output(output), "req-1");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("Content-Type")).isEqualTo("text/xml");
    assertThat(text(response.body())).isEqualTo(HEAD + expected);
  }
}
