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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** IAM → Users: the list and a user's summary with its Permissions and Security credentials tabs. */
public final class UserPages {
  static final String NAV = "/console/iam/users";

  private final Api api;
  private final AccessKeyPages accessKeys;

  public UserPages(Api api) {
    this.api = api;
    this.accessKeys = new AccessKeyPages(api);
  }

  public void register(Routes routes) {
    routes.get("/iam/users", this::list);
    routes.get("/iam/users/{}", this::summary);
    routes.post("/iam/users/{}/detach", this::detach);
  }

  static String userPath(String userName, String tab) {
    return "/console/iam/users/" + Html.segment(userName) + (tab == null ? "" : "?tab=" + tab);
  }

  private HttpResponse list(ConsoleRequest request) {
    String search = request.query().get("search");
    Html filters = Html.of(
        "<form method=\"get\" action=\"/console/iam/users\" class=\"filters\" role=\"search\">{}"
            + "<button type=\"submit\">Search</button></form>",
        Ui.field("search", "user-search", "search", "Find users by username", search, null, null));
    Html actions = Html.literal("<a class=\"button primary\" href=\"/console/iam/users/create?restart=1\" id=\"create-user\">Create user</a>");
    Html body;
    try {
      List<StructNode> users = new ArrayList<>();
      for (StructNode user : api.iamAll(request, "ListUsers", StructNode.EMPTY, "Users", 5000)) {
        if (search == null || search.isBlank()
            || user.string("UserName").toLowerCase(Locale.ROOT).contains(search.trim().toLowerCase(Locale.ROOT))) {
          users.add(user);
        }
      }
      Instant now = Instant.now();
      body = Html.join(filters, Ui.table("Users (" + users.size() + ")",
          List.of("User name", "Path", "Console last sign-in", "Creation time"), users,
          user -> List.of(Ui.link(userPath(user.string("UserName"), null), user.string("UserName")),
              Html.text(user.string("Path")),
              Html.text(Fmt.ago(user.timestamp("PasswordLastUsed"), now)),
              Html.text(Fmt.time(user, "CreateDate"))),
          "No users to display."));
    } catch (AwsServiceException e) {
      body = Html.join(filters, Ui.error(e));
    }
    return Responses.html(200, Layout.page(request.session(), Layout.Section.IAM, NAV, "Users", Html.EMPTY,
        Ui.panel("Users", actions, body)));
  }

  private HttpResponse summary(ConsoleRequest request) {
    return summaryPage(request, 200, Html.EMPTY);
  }

  HttpResponse summaryPage(ConsoleRequest request, int status, Html banner) {
    String name = request.parameter(0);
    String tab = "security_credentials".equals(request.query().get("tab")) ? "security_credentials" : "permissions";
    StructNode user;
    try {
      user = api.iam(request, "GetUser", Api.input("UserName", name)).struct("User");
    } catch (AwsServiceException e) {
      return Responses.html(e.errorCode().httpStatus(), Layout.page(request.session(), Layout.Section.IAM, NAV,
          name, Ui.error(e), Html.EMPTY));
    }
    String consoleAccess;
    try {
      StructNode profile = api.iam(request, "GetLoginProfile", Api.input("UserName", name)).struct("LoginProfile");
      consoleAccess = Boolean.TRUE.equals(profile.bool("PasswordResetRequired"))
          ? "Enabled (password reset required)" : "Enabled";
    } catch (AwsServiceException e) {
      consoleAccess = e.errorCode().code().equals("NoSuchEntity") ? "Disabled" : "Unknown (" + e.getMessage() + ")";
    }
    Html summary = Ui.panel("Summary", Html.EMPTY, Ui.details(List.of(
        new String[] {"ARN", user.string("Arn")},
        new String[] {"Console access", consoleAccess},
        new String[] {"Created", Fmt.time(user, "CreateDate")},
        new String[] {"Last console sign-in", Fmt.ago(user.timestamp("PasswordLastUsed"), Instant.now())})));
    Html tabs = Html.of(
        "<nav class=\"tabs\" aria-label=\"User details\"><a href=\"{}\" id=\"tab-permissions\"{}>Permissions</a>"
            + "<a href=\"{}\" id=\"tab-security-credentials\"{}>Security credentials</a></nav>",
        userPath(name, "permissions"), current(tab.equals("permissions")),
        userPath(name, "security_credentials"), current(tab.equals("security_credentials")));
    Html content = tab.equals("permissions") ? permissions(request, name) : accessKeys.panel(request, name);
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IAM, NAV, name, banner,
        Html.join(summary, tabs, content)));
  }

  private static Html current(boolean current) {
    return Html.when(current, Html.literal(" aria-current=\"page\" class=\"current\""));
  }

  private Html permissions(ConsoleRequest request, String name) {
    Html actions = Html.of("<a class=\"button primary\" href=\"{}\" id=\"add-permissions\">Add permissions</a>",
        "/console/iam/users/" + Html.segment(name) + "/add-permissions");
    List<String[]> rows = new ArrayList<>();
    List<Html> problems = new ArrayList<>();
    try {
      for (StructNode policy : api.iamAll(request, "ListAttachedUserPolicies", Api.input("UserName", name),
          "AttachedPolicies", 1000)) {
        String arn = policy.string("PolicyArn");
        rows.add(new String[] {policy.string("PolicyName"), PolicyList.type(arn, null), "Directly", arn});
      }
    } catch (AwsServiceException e) {
      problems.add(Ui.error(e));
    }
    try {
      for (String inline : api.iam(request, "ListUserPolicies", Api.input("UserName", name))
          .list("PolicyNames").strings()) {
        rows.add(new String[] {inline, "Customer inline", "Inline", null});
      }
    } catch (AwsServiceException e) {
      problems.add(Ui.error(e));
    }
    Html table = Ui.table("Permissions policies (" + rows.size() + ")",
        List.of("Policy name", "Type", "Attached via", "Actions"), rows,
        row -> List.of(
            row[3] == null ? Html.text(row[0]) : Ui.link(PolicyPages.detailsPath(row[3]), row[0]),
            Html.text(row[1]), Html.text(row[2]),
            row[3] == null ? Html.EMPTY : Html.of(
                "<form method=\"post\" action=\"{}\" class=\"inline\">{}<input type=\"hidden\" name=\"policyArn\" value=\"{}\">"
                    + "<button type=\"submit\" class=\"link\" aria-label=\"Remove {}\">Remove</button></form>",
                "/console/iam/users/" + Html.segment(name) + "/detach", Ui.csrf(request.session()), row[3], row[0])),
        "No permissions policies are attached to this user.");
    return Html.of("<div id=\"permissions-tab\">{}</div>",
        Ui.panel("Permissions policies", actions, Html.join(Html.join(problems), table)));
  }

  private HttpResponse detach(ConsoleRequest request) {
    String name = request.parameter(0);
    String arn = request.form().get("policyArn");
    try {
      api.iam(request, "DetachUserPolicy", Api.input("UserName", name, "PolicyArn", arn));
    } catch (AwsServiceException e) {
      return summaryPage(request, e.errorCode().httpStatus(), Ui.error(e));
    }
    request.session().flash("Policy removed from " + name + ".");
    return Responses.redirect(userPath(name, "permissions"));
  }
}
