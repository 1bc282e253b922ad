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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IAM → User groups and Roles: lists and details (members, attached and inline policies, trust policy). */
public final class GroupRolePages {
  private static final String GROUPS = "/console/iam/groups";
  private static final String ROLES = "/console/iam/roles";
  private static final Pattern SERVICE = Pattern.compile("\"Service\"\\s*:\\s*\\[?\\s*\"([^\"]+)\"");

  private final Api api;

  public GroupRolePages(Api api) {
    this.api = api;
  }

  public void register(Routes routes) {
    routes.get("/iam/groups", this::groups);
    routes.get("/iam/groups/{}", this::group);
    routes.get("/iam/roles", this::roles);
    routes.get("/iam/roles/{}", this::role);
  }

  private HttpResponse groups(ConsoleRequest request) {
    Html body = guarded(() -> {
      List<StructNode> groups = api.iamAll(request, "ListGroups", StructNode.EMPTY, "Groups", 5000);
      return Ui.table("User groups (" + groups.size() + ")", List.of("Group name", "Path", "Creation time"), groups,
          group -> List.of(Ui.link(GROUPS + "/" + Html.segment(group.string("GroupName")), group.string("GroupName")),
              Html.text(group.string("Path")), Html.text(Fmt.time(group, "CreateDate"))),
          "No user groups.");
    });
    return page(request, GROUPS, "User groups", Ui.panel("User groups", Html.EMPTY, body));
  }

  private HttpResponse group(ConsoleRequest request) {
    String name = request.parameter(0);
    Html members = guarded(() -> {
      StructNode output = api.iam(request, "GetGroup", Api.input("GroupName", name));
      List<StructNode> users = Api.structs(output, "Users");
      return Html.join(
          Ui.details(List.<String[]>of(new String[] {"ARN", output.struct("Group").string("Arn")},
              new String[] {"Creation time", Fmt.time(output.struct("Group"), "CreateDate")})),
          Ui.table("Users in this group (" + users.size() + ")", List.of("User name"), users,
              user -> List.of(Ui.link(UserPages.userPath(user.string("UserName"), null), user.string("UserName"))),
              "No users."));
    });
    Html policies = attached(request, "ListAttachedGroupPolicies", "ListGroupPolicies", "GroupName", name);
    return page(request, GROUPS, name, Html.join(Ui.panel("Summary and users", Html.EMPTY, members),
        Ui.panel("Permissions policies", Html.EMPTY, policies)));
  }

  private HttpResponse roles(ConsoleRequest request) {
    Html body = guarded(() -> {
      List<StructNode> roles = api.iamAll(request, "ListRoles", StructNode.EMPTY, "Roles", 5000);
      return Ui.table("Roles (" + roles.size() + ")", List.of("Role name", "Trusted entities", "Path", "Creation time"),
          roles, role -> List.of(Ui.link(ROLES + "/" + Html.segment(role.string("RoleName")), role.string("RoleName")),
              Html.text(trusted(role.string("AssumeRolePolicyDocument"), role.string("Path"))),
              Html.text(role.string("Path")), Html.text(Fmt.time(role, "CreateDate"))),
          "No roles.");
    });
    return page(request, ROLES, "Roles", Ui.panel("Roles", Html.EMPTY, body));
  }

  private HttpResponse role(ConsoleRequest request) {
    String name = request.parameter(0);
    Html summary = guarded(() -> {
      StructNode role = api.iam(request, "GetRole", Api.input("RoleName", name)).struct("Role");
      return Html.join(Ui.details(List.of(
              new String[] {"ARN", role.string("Arn")},
              new String[] {"Description", role.string("Description")},
              new String[] {"Path", role.string("Path")},
              new String[] {"Creation time", Fmt.time(role, "CreateDate")},
              new String[] {"Maximum session duration", role.string("MaxSessionDuration") + " seconds"})),
          Html.of("<h3>Trust relationships</h3><pre class=\"json\" tabindex=\"0\">{}</pre>",
              Fmt.policyDocument(role.string("AssumeRolePolicyDocument"))));
    });
    Html policies = attached(request, "ListAttachedRolePolicies", "ListRolePolicies", "RoleName", name);
    return page(request, ROLES, name, Html.join(Ui.panel("Summary", Html.EMPTY, summary),
        Ui.panel("Permissions policies", Html.EMPTY, policies)));
  }

  private Html attached(ConsoleRequest request, String managedOperation, String inlineOperation, String member,
      String name) {
    List<String[]> rows = new ArrayList<>();
    List<Html> problems = new ArrayList<>();
    try {
      for (StructNode policy : api.iamAll(request, managedOperation, Api.input(member, name), "AttachedPolicies", 1000)) {
        rows.add(new String[] {policy.string("PolicyName"), PolicyList.type(policy.string("PolicyArn"), null),
            policy.string("PolicyArn")});
      }
    } catch (AwsServiceException e) {
      problems.add(Ui.error(e));
    }
    try {
      for (String inline : api.iam(request, inlineOperation, Api.input(member, name)).list("PolicyNames").strings()) {
        rows.add(new String[] {inline, "Customer inline", null});
      }
    } catch (AwsServiceException e) {
      problems.add(Ui.error(e));
    }
    return Html.join(Html.join(problems), Ui.table("Permissions policies (" + rows.size() + ")",
        List.of("Policy name", "Type"), rows,
        row -> List.of(row[2] == null ? Html.text(row[0]) : Ui.link(PolicyPages.detailsPath(row[2]), row[0]),
            Html.text(row[1])), "No permissions policies."));
  }

  /** "AWS Service: ivs (Service-Linked Role)", as the Roles list describes trusted entities. */
  static String trusted(String encodedTrustPolicy, String path) {
    String document = Fmt.policyDocument(encodedTrustPolicy);
    Matcher service = SERVICE.matcher(document);
    if (service.find()) {
      String name = service.group(1).replace(".amazonaws.com", "");
      boolean linked = path != null && path.startsWith("/aws-service-role/");
      return "AWS Service: " + name + (linked ? " (Service-Linked Role)" : "");
    }
    if (document.contains("\"AWS\"")) {
      return "Account";
    }
    return "-";
  }

  private static Html guarded(Supplier<Html> section) {
    try {
      return section.get();
    } catch (AwsServiceException e) {
      return Ui.error(e);
    }
  }

  private HttpResponse page(ConsoleRequest request, String nav, String title, Html body) {
    return Responses.html(200, Layout.page(request.session(), Layout.Section.IAM, nav, title, Html.EMPTY, body));
  }
}
