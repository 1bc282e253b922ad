package dev.onair.console.iam;

import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Fmt;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.List;

/** IAM → Policies: the list (filter by type, search) and a policy's details (JSON, entities, versions). */
public final class PolicyPages {
  static final String NAV = "/console/iam/policies";

  private final Api api;

  public PolicyPages(Api api) {
    this.api = api;
  }

  public void register(Routes routes) {
    routes.get("/iam/policies", this::list);
    routes.get("/iam/policies/details", this::details);
  }

  static String detailsPath(String arn) {
    return "/console/iam/policies/details?arn=" + Html.segment(arn);
  }

  private HttpResponse list(ConsoleRequest request) {
    String type = request.query().get("type");
    String search = request.query().get("search");
    Html filters = Html.of(
        "<form method=\"get\" action=\"/console/iam/policies\" class=\"filters\" role=\"search\">{}{}"
            + "<button type=\"submit\">Search</button></form>",
        Ui.field("search", "policy-search", "search", "Filter policies by property or policy name and press enter",
            search, null, null),
        Ui.select("policy-type", "type", "Filter by Type", List.of(
            new String[] {"all", "All types"},
            new String[] {"aws", "AWS managed"},
            new String[] {"customer", "Customer managed"}), type == null ? "all" : type));
    Html actions = Html.literal("<a class=\"button primary\" href=\"/console/iam/policies/create\" id=\"create-policy\">Create policy</a>");
    Html body;
    try {
      List<PolicyList.Entry> all = PolicyList.load(api, request, "All");
      List<PolicyList.Entry> shown = PolicyList.filter(all, type, search);
      List<PolicyList.Entry> page = shown.size() > PolicyList.MAX_SHOWN ? shown.subList(0, PolicyList.MAX_SHOWN) : shown;
      body = Html.join(
          filters,
          Html.when(shown.size() > page.size(), Ui.info("Showing the first " + page.size() + " of " + shown.size()
              + " matching policies. Refine the search to see others.")),
          Ui.table("Policies (" + shown.size() + ")", List.of("Policy name", "Type", "Used as"), page,
              entry -> List.of(Ui.link(detailsPath(entry.arn()), entry.name()), Html.text(entry.type()),
                  Html.text(entry.attachments() == 0 ? "-" : "Permissions policy (" + entry.attachments() + ")")),
              "No policies match."));
    } catch (AwsServiceException e) {
      body = Html.join(filters, Ui.error(e));
    }
    return Responses.html(200, Layout.page(request.session(), Layout.Section.IAM, NAV, "Policies", Html.EMPTY,
        Ui.panel("Policies", actions, body)));
  }

  private HttpResponse details(ConsoleRequest request) {
    String arn = request.query().get("arn");
    if (arn == null) {
      return Responses.redirect(NAV);
    }
    StructNode policy;
    try {
      policy = api.iam(request, "GetPolicy", Api.input("PolicyArn", arn)).struct("Policy");
    } catch (AwsServiceException e) {
      return Responses.html(e.errorCode().httpStatus(), Layout.page(request.session(), Layout.Section.IAM, NAV,
          "Policy", Ui.error(e), Html.EMPTY));
    }
    String name = policy.string("PolicyName");
    String versionId = policy.string("DefaultVersionId");
    Html summary = Ui.details(List.of(
        new String[] {"Type", PolicyList.type(arn, policy.string("Path"))},
        new String[] {"ARN", arn},
        new String[] {"Description", policy.string("Description")},
        new String[] {"Creation time", Fmt.time(policy, "CreateDate")},
        new String[] {"Edited time", Fmt.time(policy, "UpdateDate")}));
    Html permissions;
    try {
      StructNode version = api.iam(request, "GetPolicyVersion", Api.input("PolicyArn", arn, "VersionId", versionId))
          .struct("PolicyVersion");
      String document = Fmt.policyDocument(version.string("Document"));
      permissions = Html.of("<pre class=\"json\" id=\"policy-json\" tabindex=\"0\">{}</pre>", document);
    } catch (AwsServiceException e) {
      permissions = Ui.error(e);
    }
    Html versions;
    try {
      List<StructNode> items = Api.structs(api.iam(request, "ListPolicyVersions", Api.input("PolicyArn", arn)),
          "Versions");
      versions = Ui.table("Policy versions (" + items.size() + ")", List.of("Version", "Creation time"), items,
          item -> List.of(Html.text(item.string("VersionId")
                  + (Boolean.TRUE.equals(item.bool("IsDefaultVersion")) ? " (Default)" : "")),
              Html.text(Fmt.time(item, "CreateDate"))), "No versions.");
    } catch (AwsServiceException e) {
      versions = Ui.error(e);
    }
    Html entities;
    try {
      StructNode attached = api.iam(request, "ListEntitiesForPolicy", Api.input("PolicyArn", arn));
      List<String[]> rows = new ArrayList<>();
      Api.structs(attached, "PolicyUsers").forEach(u -> rows.add(new String[] {u.string("UserName"), "IAM user"}));
      Api.structs(attached, "PolicyGroups").forEach(g -> rows.add(new String[] {g.string("GroupName"), "Group"}));
      Api.structs(attached, "PolicyRoles").forEach(r -> rows.add(new String[] {r.string("RoleName"), "Role"}));
      entities = Ui.table("Entities attached (" + rows.size() + ")", List.of("Entity name", "Entity type"), rows,
          row -> List.of(row[1].equals("IAM user") ? Ui.link(UserPages.userPath(row[0], "permissions"), row[0])
              : Html.text(row[0]), Html.text(row[1])), "No entities are attached to this policy.");
    } catch (AwsServiceException e) {
      entities = Ui.error(e);
    }
    Html body = Html.join(
        Ui.panel("Policy details", Html.EMPTY, summary),
        Ui.panel("Permissions defined in this policy", Html.EMPTY, permissions),
        Ui.panel("Entities attached", Html.EMPTY, entities),
        Ui.panel("Policy versions", Html.EMPTY, versions));
    return Responses.html(200, Layout.page(request.session(), Layout.Section.IAM, NAV, name, Html.EMPTY, body));
  }
}
