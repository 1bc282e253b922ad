package dev.onair.console.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Fmt;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.validation.Finding;
import dev.onair.policy.validation.FindingType;
import dev.onair.policy.validation.PolicyValidator;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Create policy, as AWS's console walks it: Specify permissions (the JSON policy editor, with Access Analyzer's
 * findings while typing) → Next → Review and create (name, description, permissions summary) → Create policy →
 * back on the list with "Policy NAME created.". The document travels between the steps in the form itself.
 */
public final class PolicyCreatePages {
  static final String TEMPLATE = """
      {
          "Version": "2012-10-17",
          "Statement": [
              {
                  "Sid": "Statement1",
                  "Effect": "Allow",
                  "Action": [],
                  "Resource": []
              }
          ]
      }""";

  private final Api api;

  public PolicyCreatePages(Api api) {
    this.api = api;
  }

  public void register(Routes routes) {
    routes.get("/iam/policies/create", request -> specify(request, TEMPLATE, 200, Html.EMPTY));
    routes.post("/iam/policies/create/review", this::review);
    routes.post("/iam/policies/create/edit", request -> specify(request,
        request.form().get("document") == null ? TEMPLATE : request.form().get("document"), 200, Html.EMPTY));
    routes.post("/iam/policies/create", this::create);
    routes.post("/iam/policies/validate", this::validate);
  }

  private HttpResponse specify(ConsoleRequest request, String document, int status, Html banner) {
    List<Finding> findings = PolicyValidator.validate(document, PolicyKind.IDENTITY);
    Html editor = Ui.postForm(request.session(), "/console/iam/policies/create/review", Html.of(
        "<div class=\"tabs\" role=\"tablist\" aria-label=\"Policy editor\">"
            + "<span class=\"tab\" role=\"tab\" aria-selected=\"false\" aria-disabled=\"true\" title=\"The visual editor is not available in Onair\">Visual</span>"
            + "<span class=\"tab\" role=\"tab\" aria-selected=\"true\" id=\"json-tab\">JSON</span></div>"
            + "<div class=\"field\"><label for=\"policy-document\">Policy editor</label>"
            + "<p class=\"hint\" id=\"policy-editor-hint\">Tab indents; press Esc, then Tab, to leave the editor.</p>"
            + "<textarea id=\"policy-document\" name=\"document\" class=\"code\" rows=\"24\" spellcheck=\"false\""
            + " data-validate=\"/console/iam/policies/validate\" aria-describedby=\"policy-editor-hint policy-findings\">{}</textarea></div>"
            + "{}<div class=\"buttons\"><a class=\"button\" href=\"/console/iam/policies\">Cancel</a>"
            + "<button type=\"submit\" class=\"primary\" id=\"policy-next\">Next</button></div>",
        document, findingsPanel(findings)));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IAM, PolicyPages.NAV,
        "Specify permissions", banner, Html.join(
            Html.literal("<p class=\"steps\">Step 1 of 2: <strong>Specify permissions</strong> → Review and create</p>"),
            Html.literal("<p>Add permissions by adding actions, resources, and conditions. Build permission statements using the JSON editor.</p>"),
            editor)));
  }

  /** The findings list the editor shows below the text; console.js replaces its content while the user types. */
  static Html findingsPanel(List<Finding> findings) {
    Map<FindingType, Integer> counts = new java.util.EnumMap<>(FindingType.class);
    for (FindingType type : FindingType.values()) {
      counts.put(type, 0);
    }
    List<Html> items = new ArrayList<>();
    for (Finding finding : findings) {
      counts.merge(finding.findingType(), 1, Integer::sum);
      items.add(Html.of("<li class=\"finding finding-{}\"><strong>{}</strong> {}{}</li>",
          finding.findingType().name().toLowerCase(java.util.Locale.ROOT), label(finding.findingType()),
          finding.message(), finding.path().isEmpty() ? Html.EMPTY : Html.of(" <span class=\"where\">({})</span>",
              location(finding))));
    }
    return Html.of(
        "<section class=\"findings\" id=\"policy-findings\" aria-live=\"polite\"><h2>Policy validation</h2>"
            + "<p class=\"counts\">Security: {} Errors: {} Warnings: {} Suggestions: {}</p><ul>{}</ul></section>",
        counts.get(FindingType.SECURITY_WARNING), counts.get(FindingType.ERROR), counts.get(FindingType.WARNING),
        counts.get(FindingType.SUGGESTION), Html.join(items));
  }

  private static String label(FindingType type) {
    return switch (type) {
      case ERROR -> "Error:";
      case SECURITY_WARNING -> "Security:";
      case WARNING -> "Warning:";
      case SUGGESTION -> "Suggestion:";
    };
  }

  private static String location(Finding finding) {
    StringBuilder out = new StringBuilder();
    finding.path().forEach(element -> {
      if (out.length() > 0) {
        out.append(" › ");
      }
      out.append(element);
    });
    return out.toString();
  }

  private HttpResponse validate(ConsoleRequest request) {
    String document = request.form().get("document");
    List<Finding> findings = PolicyValidator.validate(document == null ? "" : document, PolicyKind.IDENTITY);
    ObjectNode out = Fmt.json().createObjectNode();
    ArrayNode list = out.putArray("findings");
    for (Finding finding : findings) {
      list.addObject()
          .put("findingType", finding.findingType().name())
          .put("label", label(finding.findingType()))
          .put("message", finding.message())
          .put("location", location(finding));
    }
    out.put("html", findingsPanel(findings).markup());
    return Responses.json(200, out.toString());
  }

  private HttpResponse review(ConsoleRequest request) {
    String document = request.form().get("document");
    if (document == null) {
      return Responses.redirect("/console/iam/policies/create");
    }
    boolean errors = PolicyValidator.validate(document, PolicyKind.IDENTITY).stream()
        .anyMatch(finding -> finding.findingType() == FindingType.ERROR);
    if (errors) {
      return specify(request, document, 400, Ui.errorText("Resolve the errors in the policy",
          "The policy has errors that IAM would refuse. Fix them before you continue."));
    }
    return reviewPage(request, document, request.form().get("name"), request.form().get("description"), 200,
        Html.EMPTY);
  }

  private HttpResponse reviewPage(ConsoleRequest request, String document, String name, String description,
      int status, Html banner) {
    Html summary;
    try {
      summary = PolicySummary.table(PolicySummary.rows(document));
    } catch (MalformedPolicyDocumentException e) {
      summary = Ui.errorText("The policy could not be summarised", e.awsMessage());
    }
    Html form = Ui.postForm(request.session(), "/console/iam/policies/create", Html.of(
        "<input type=\"hidden\" name=\"document\" value=\"{}\">"
            + "<section class=\"panel\"><h2>Policy details</h2>{}"
            + "<div class=\"field\"><label for=\"policy-description\">Description - <i>optional</i></label>"
            + "<p class=\"hint\" id=\"policy-description-hint\">Add a short explanation for this policy. Maximum 1,000 characters.</p>"
            + "<textarea id=\"policy-description\" name=\"description\" rows=\"3\" maxlength=\"1000\" aria-describedby=\"policy-description-hint\">{}</textarea></div></section>"
            + "<section class=\"panel\"><h2>Permissions defined in this policy</h2>{}</section>"
            + "<div class=\"buttons\"><a class=\"button\" href=\"/console/iam/policies\">Cancel</a>"
            // Create policy comes first in the markup so that Enter in the name field creates; CSS shows Previous first
            + "<button type=\"submit\" class=\"primary\" id=\"policy-create\">Create policy</button>"
            + "<button type=\"submit\" formaction=\"/console/iam/policies/create/edit\" class=\"previous\" formnovalidate>Previous</button></div>",
        document,
        Ui.field("text", "policy-name", "name", "Policy name", name,
            "Enter a meaningful name to identify this policy. Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters.",
            " required maxlength=\"128\""),
        description == null ? "" : description,
        summary));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IAM, PolicyPages.NAV,
        "Review and create", banner, Html.join(
            Html.literal("<p class=\"steps\">Step 2 of 2: Specify permissions → <strong>Review and create</strong></p>"),
            Html.literal("<p>Review the permissions, specify details, and tags.</p>"),
            form)));
  }

  private HttpResponse create(ConsoleRequest request) {
    String document = request.form().get("document");
    String name = request.form().trimmed("name");
    String description = request.form().trimmed("description");
    if (document == null) {
      return Responses.redirect("/console/iam/policies/create");
    }
    if (name == null) {
      return reviewPage(request, document, null, description, 400,
          Ui.errorText("Policy name is required", "Enter a name for the policy."));
    }
    try {
      api.iam(request, "CreatePolicy",
          Api.input("PolicyName", name, "PolicyDocument", document, "Description", description));
    } catch (AwsServiceException e) {
      return reviewPage(request, document, name, description, e.errorCode().httpStatus(), Ui.error(e));
    }
    request.session().flash("Policy " + name + " created.");
    return Responses.redirect("/console/iam/policies?type=customer");
  }
}
