package dev.onair.console.iam;

import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Add permissions to an existing user: Attach existing policies directly → search → Next → Review → Add
 * permissions → the user's summary lists the policy. The selection travels in the form between the two steps.
 */
public final class UserPermissionPages {
  private final Api api;

  public UserPermissionPages(Api api) {
    this.api = api;
  }

  public void register(Routes routes) {
    routes.get("/iam/users/{}/add-permissions", request -> choose(request, Set.of(), null, 200, Html.EMPTY));
    routes.post("/iam/users/{}/add-permissions", this::next);
    routes.post("/iam/users/{}/add-permissions/confirm", this::confirm);
  }

  private static String base(String userName) {
    return "/console/iam/users/" + Html.segment(userName) + "/add-permissions";
  }

  private Set<String> attached(ConsoleRequest request, String userName) {
    Set<String> arns = new LinkedHashSet<>();
    for (StructNode policy : api.iamAll(request, "ListAttachedUserPolicies", Api.input("UserName", userName),
        "AttachedPolicies", 1000)) {
      arns.add(policy.string("PolicyArn"));
    }
    return arns;
  }

  private HttpResponse choose(ConsoleRequest request, Set<String> selected, String search, int status, Html banner) {
    String userName = request.parameter(0);
    Html picker;
    try {
      picker = PolicyPicker.render(PolicyList.load(api, request, "All"), selected, attached(request, userName), search);
    } catch (AwsServiceException e) {
      picker = Ui.error(e);
    }
    Html form = Ui.postForm(request.session(), base(userName), Html.of(
        "<section class=\"panel\"><h2>Permissions options</h2><fieldset><legend>Permissions options</legend>{}{}{}</fieldset></section>"
            + "<section class=\"panel\"><h2>Other permissions policies</h2>{}</section>"
            + "<div class=\"buttons\"><a class=\"button\" href=\"{}\">Cancel</a>"
            + "<button type=\"submit\" name=\"op\" value=\"next\" class=\"primary\" id=\"add-permissions-next\">Next</button></div>",
        Ui.radioUnavailable("option-group", "option", "group", "Add user to group",
            "Add user to an existing group, or create a new group. (Not offered by this console yet.)"),
        Ui.radioUnavailable("option-copy", "option", "copy", "Copy permissions",
            "Copy all group memberships, attached managed policies, and inline policies from an existing user. (Not offered by this console yet.)"),
        Ui.radio("option-attach", "option", "attach", "Attach policies directly", true,
            "Attach a managed policy directly to a user."),
        picker, UserPages.userPath(userName, "permissions")));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IAM, UserPages.NAV,
        "Add permissions to " + userName, banner, Html.join(
            Html.literal("<p class=\"steps\">Step 1 of 2: <strong>Add permissions</strong> → Review</p>"), form)));
  }

  private HttpResponse next(ConsoleRequest request) {
    Set<String> selected = new LinkedHashSet<>(request.form().all(PolicyPicker.FIELD));
    if ("search".equals(request.form().get("op"))) {
      return choose(request, selected, request.form().get("search"), 200, Html.EMPTY);
    }
    if (selected.isEmpty()) {
      return choose(request, selected, request.form().get("search"), 400,
          Ui.errorText("Select a policy", "Choose at least one policy to attach."));
    }
    return reviewPage(request, selected, 200, Html.EMPTY);
  }

  private HttpResponse reviewPage(ConsoleRequest request, Set<String> selected, int status, Html banner) {
    String userName = request.parameter(0);
    List<String[]> rows = new ArrayList<>();
    List<Html> hidden = new ArrayList<>();
    for (String arn : selected) {
      rows.add(new String[] {arn.substring(arn.lastIndexOf('/') + 1), PolicyList.type(arn, null)});
      hidden.add(Html.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", PolicyPicker.FIELD, arn));
    }
    Html form = Ui.postForm(request.session(), base(userName) + "/confirm", Html.of(
        "{}<section class=\"panel\"><h2>Permissions summary</h2>{}</section>"
            + "<div class=\"buttons\"><a class=\"button\" href=\"{}\">Cancel</a>"
            + "<button type=\"submit\" class=\"primary\" id=\"add-permissions-confirm\">Add permissions</button></div>",
        Html.join(hidden),
        Ui.table("Permissions summary", List.of("Name", "Type", "Used as"), rows,
            row -> List.of(Html.text(row[0]), Html.text(row[1]), Html.text("Permissions policy")), "Nothing selected."),
        UserPages.userPath(userName, "permissions")));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IAM, UserPages.NAV, "Review",
        banner, Html.join(
            Html.of("<p class=\"steps\">Step 2 of 2: Add permissions → <strong>Review</strong></p>"
                + "<p>The following policies will be attached to this user. Click Add permissions to proceed.</p>"),
            Ui.details(List.<String[]>of(new String[] {"User name", userName})), form)));
  }

  private HttpResponse confirm(ConsoleRequest request) {
    String userName = request.parameter(0);
    Set<String> selected = new LinkedHashSet<>(request.form().all(PolicyPicker.FIELD));
    int added = 0;
    for (String arn : selected) {
      try {
        api.iam(request, "AttachUserPolicy", Api.input("UserName", userName, "PolicyArn", arn));
        added++;
      } catch (AwsServiceException e) {
        return reviewPage(request, selected, e.errorCode().httpStatus(), Ui.error(e));
      }
    }
    request.session().flash(added + (added == 1 ? " policy" : " policies") + " added.");
    return Responses.redirect(UserPages.userPath(userName, "permissions"));
  }
}
