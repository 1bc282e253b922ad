package dev.onair.iam.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.policy.validation.PathElement;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatePolicyOperationTest {
  private final ValidatePolicyOperation operation = new ValidatePolicyOperation();

  private static StructNode input(String document, String type) {
    return StructNode.builder().put("policyDocument", document).put("policyType", type).build();
  }

  private static List<StructNode> findings(StructNode output) {
    return output.list("findings").items().stream().map(StructNode.class::cast).toList();
  }

  @Test
  void locator_keyPath_spansTheValueWithLineAndColumn() {
    String json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Action\": \"ivs:Nope\"}]\n}";
    PolicyLocator.Span span = new PolicyLocator(json).span(List.of(PathElement.key("Statement"),
        PathElement.index(0), PathElement.key("Action"), PathElement.index(0)));
    int offset = json.indexOf("\"ivs:Nope\"");
    assertThat(span.start()).isEqualTo(new PolicyLocator.Position(3, offset - json.indexOf("  \"Statement"), offset));
    assertThat(span.end().offset()).isEqualTo(offset + "\"ivs:Nope\"".length());
  }

  @Test
  void locator_singleStatementObject_indexZeroIsTheObject() {
    String json = "{\"Statement\":{\"Effect\":\"Allow\"}}";
    PolicyLocator.Span span = new PolicyLocator(json).span(List.of(PathElement.key("Statement"),
        PathElement.index(0), PathElement.key("Effect")));
    assertThat(span.start().offset()).isEqualTo(json.indexOf("\"Allow\""));
  }

  @Test
  void locator_emptyPath_spansWholeDocument() {
    String json = "  {\"a\":1}\n";
    PolicyLocator.Span span = new PolicyLocator(json).span(List.of());
    assertThat(span.start().offset()).isEqualTo(2);
    assertThat(span.end().offset()).isEqualTo(9);
  }

  @Test
  void locator_notJson_pointsAtTheError() {
    PolicyLocator.Span span = new PolicyLocator("{\"a\": tru}").span(List.of());
    assertThat(span.start().offset()).isEqualTo(6);
    assertThat(span.start().line()).isEqualTo(1);
  }

  @Test
  void handle_unknownActionAndMissingVersion_findingsWithLocations() {
    String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ivs:GetChannel\",\"ivs:GetChanel\"],"
        + "\"Resource\":\"*\"}]}";
    List<StructNode> findings = findings(operation.handle(input(json, "IDENTITY_POLICY")));
    assertThat(findings).extracting(f -> f.string("issueCode")).containsExactly("INVALID_ACTION", "MISSING_VERSION");
    StructNode invalid = findings.get(0);
    assertThat(invalid.string("findingType")).isEqualTo("ERROR");
    assertThat(invalid.string("findingDetails")).contains("ivs:GetChanel");
    StructNode location = (StructNode) invalid.list("locations").items().get(0);
    List<Node> path = location.list("path").items();
    assertThat(path).hasSize(4);
    assertThat(((StructNode) path.get(3)).integer("index")).isEqualTo(1);
    StructNode start = location.struct("span").struct("start");
    assertThat(start.integer("offset")).isEqualTo(json.indexOf("\"ivs:GetChanel\""));
  }

  @Test
  void handle_principalInIdentityPolicy_isUnsupportedPrincipalError() {
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"ivs:GetChannel\",\"Resource\":\"*\"}]}";
    assertThat(findings(operation.handle(input(json, "IDENTITY_POLICY"))))
        .extracting(f -> f.string("issueCode")).containsExactly("UNSUPPORTED_PRINCIPAL");
    assertThat(findings(operation.handle(input(json, "RESOURCE_POLICY"))))
        .extracting(f -> f.string("issueCode")).doesNotContain("UNSUPPORTED_PRINCIPAL");
  }

  @Test
  void handle_maxResults_pagesWithNextToken() {
    String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ivs:A1\",\"ivs:A2\",\"ivs:A3\"],"
        + "\"Resource\":\"*\"}]}";
    StructNode first = operation.handle(input(json, "IDENTITY_POLICY").with("maxResults", new StringNode("2")));
    assertThat(findings(first)).hasSize(2);
    String token = first.string("nextToken");
    assertThat(token).isNotNull();
    StructNode second = operation.handle(input(json, "IDENTITY_POLICY").with("nextToken", new StringNode(token)));
    assertThat(findings(second)).hasSize(2);
    assertThat(second.has("nextToken")).isFalse();
  }

  @Test
  void handle_badEnumOrMissingMember_isValidationException() {
    assertThatThrownBy(() -> operation.handle(input("{}", "USER_POLICY")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("'policyType' failed to satisfy constraint");
    assertThatThrownBy(() -> operation.handle(StructNode.builder().put("policyType", "IDENTITY_POLICY").build()))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("Value null at 'policyDocument'")
        .satisfies(e -> assertThat(((AwsServiceException) e).extraFields()).containsEntry("reason",
            "fieldValidationFailed"));
    assertThatThrownBy(() -> operation.handle(input("{}", "IDENTITY_POLICY")
        .with("nextToken", new StringNode("garbage!"))))
        .hasMessage("Invalid nextToken");
  }

  @Test
  void handle_cleanPolicy_noFindings() {
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ivs:GetChannel\","
        + "\"Resource\":\"*\"}]}";
    assertThat(operation.handle(input(json, "IDENTITY_POLICY")).list("findings")).isEqualTo(new ListNode(List.of()));
  }
}
