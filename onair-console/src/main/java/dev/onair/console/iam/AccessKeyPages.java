package dev.onair.console.iam;

import dev.onair.console.session.Reveal;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's access keys (Security credentials tab): create (the secret shown once, with its .csv), make inactive or
 * active, delete (only once inactive, as AWS's console insists), and when each key was last used.
 */
public final class AccessKeyPages {
  private static final List<String[]> USE_CASES = List.of(
      new String[] {"cli", "Command Line Interface (CLI)"},
      new String[] {"local-code", "Local code"},
      new String[] {"compute", "Application running on an AWS compute service"},
      new String[] {"third-party", "Third-party service"},
      new String[] {"outside", "Application running outside AWS"},
      new String[] {"other", "Other"});

  private final Api api;

  public AccessKeyPages(Api api) {
    this.api = api;
  }

  public void register(Routes routes) {
    routes.get("/iam/users/{}/access-keys/create", request -> createPage(request, 200, Html.EMPTY));
    routes.post("/iam/users/{}/access-keys/create", this::create);
    routes.post("/iam/users/{}/access-keys/{}/status", this::status);
    routes.post("/iam/users/{}/access-keys/{}/delete", this::delete);
  }

  private static String keysPath(String userName) {
    return "/console/iam/users/" + Html.segment(userName) + "/access-keys";
  }

  /** The Security credentials tab's content. */
  Html panel(ConsoleRequest request, String userName) {
    Html actions = Html.of("<a class=\"button primary\" href=\"{}\" id=\"create-access-key\">Create access key</a>",
        keysPath(userName) + "/create");
    List<Html> cards = new ArrayList<>();
    try {
      List<StructNode> keys = Api.structs(api.iam(request, "ListAccessKeys", Api.input("UserName", userName)),
          "AccessKeyMetadata");
      for (StructNode key : keys) {
        cards.add(card(request, userName, key));
      }
      if (keys.isEmpty()) {
        cards.add(Html.literal("<p class=\"empty\">No access keys. As a best practice, avoid using long-term credentials like access keys.</p>"));
      }
      return Html.of("<div id=\"security-credentials-tab\">{}</div>",
          Ui.panel("Access keys (" + keys.size() + ")", actions, Html.join(cards)));
    } catch (AwsServiceException e) {
      return Html.of("<div id=\"security-credentials-tab\">{}</div>", Ui.panel("Access keys", actions, Ui.error(e)));
    }
  }

  private Html card(ConsoleRequest request, String userName, StructNode key) {
    String id = key.string("AccessKeyId");
    boolean active = "Active".equals(key.string("Status"));
    String lastUsed;
    try {
      StructNode used = api.iam(request, "GetAccessKeyLastUsed", Api.input("AccessKeyId", id)).struct("AccessKeyLastUsed");
      lastUsed = used == null || used.timestamp("LastUsedDate") == null ? "Never"
          : Fmt.time(used, "LastUsedDate") + " (" + Fmt.orDash(used.string("ServiceName")) + " in "
              + Fmt.orDash(used.string("Region")) + ")";
    } catch (AwsServiceException e) {
      lastUsed = "Unknown: " + e.getMessage();
    }
    String base = keysPath(userName) + "/" + Html.segment(id);
    Html buttons = Html.join(
        Ui.actionButton(request.session(), base + "/status", active ? "Deactivate" : "Activate", "secondary"),
        active ? Html.literal("<span class=\"hint\">Deactivate the key before deleting it.</span>")
            : Ui.actionButton(request.session(), base + "/delete", "Delete", "danger"));
    return Html.of("<div class=\"card access-key\" data-access-key-id=\"{}\">{}<div class=\"actions\">{}</div></div>",
        id, Ui.details(List.of(
            new String[] {"Access key ID", id},
            new String[] {"Status", key.string("Status")},
            new String[] {"Created", Fmt.time(key, "CreateDate")},
            new String[] {"Last used", lastUsed})), buttons);
  }

  private HttpResponse createPage(ConsoleRequest request, int status, Html banner) {
    String userName = request.parameter(0);
    List<Html> options = new ArrayList<>();
    for (String[] useCase : USE_CASES) {
      options.add(Ui.radio("use-case-" + useCase[0], "useCase", useCase[0], useCase[1], useCase[0].equals("cli"), null));
    }
    Html form = Ui.postForm(request.session(), keysPath(userName) + "/create", Html.of(
        "<section class=\"panel\"><h2>Access key best practices &amp; alternatives</h2>"
            + "<p>Avoid using long-term credentials like access keys to improve your security.</p>"
            + "<fieldset><legend>Use case</legend>{}</fieldset>{}</section>"
            + "<section class=\"panel\"><h2>Set description tag - optional</h2>{}</section>"
            + "<div class=\"buttons\"><a class=\"button\" href=\"{}\">Cancel</a>"
            + "<button type=\"submit\" class=\"primary\" id=\"access-key-create\">Create access key</button></div>",
        Html.join(options),
        Ui.checkbox("confirm-understand", "confirm", "true",
            "I understand the above recommendation and want to proceed to create an access key.", false, null),
        Ui.field("text", "description", "description", "Description tag value", null,
            "Describe the purpose of this access key and where it will be used. Maximum 256 characters.",
            " maxlength=\"256\""),
        UserPagesLinks.securityCredentials(userName)));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IAM, UserPages.NAV,
        "Create access key", banner, form));
  }

  private HttpResponse create(ConsoleRequest request) {
    String userName = request.parameter(0);
    if (!request.form().checked("confirm")) {
      return createPage(request, 400, Ui.errorText("Confirmation required",
          "Confirm that you understand the recommendation before creating an access key."));
    }
    StructNode key;
    try {
      key = api.iam(request, "CreateAccessKey", Api.input("UserName", userName)).struct("AccessKey");
    } catch (AwsServiceException e) {
      return createPage(request, e.errorCode().httpStatus(), Ui.error(e));
    }
    String description = request.form().trimmed("description");
    if (description != null) {
      try {
        StructNode tag = Api.input("Key", key.string("AccessKeyId"), "Value", description);
        api.iam(request, "TagUser", Api.input("UserName", userName,
            "Tags", new dev.onair.protocol.tree.ListNode(List.of(tag))));
      } catch (AwsServiceException e) {
        request.session().flash("The access key was created, but its description tag was not: " + e.getMessage());
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Access key ID", key.string("AccessKeyId"));
    fields.put("Secret access key", key.string("SecretAccessKey"));
    String id = request.session().addReveal(new Reveal("accessKey", fields, userName + "_accessKeys.csv",
        UserPagesLinks.securityCredentials(userName)));
    return Responses.redirect("/console/reveal/" + id);
  }

  private HttpResponse status(ConsoleRequest request) {
    String userName = request.parameter(0);
    String keyId = request.parameter(1);
    try {
      StructNode key = Api.structs(api.iam(request, "ListAccessKeys", Api.input("UserName", userName)),
          "AccessKeyMetadata").stream().filter(k -> keyId.equals(k.string("AccessKeyId"))).findFirst().orElse(null);
      String next = key != null && "Active".equals(key.string("Status")) ? "Inactive" : "Active";
      api.iam(request, "UpdateAccessKey", Api.input("UserName", userName, "AccessKeyId", keyId, "Status", next));
      request.session().flash("Access key " + keyId + " is now " + next.toLowerCase(java.util.Locale.ROOT) + ".");
    } catch (AwsServiceException e) {
      return failed(request, e);
    }
    return Responses.redirect(UserPagesLinks.securityCredentials(userName));
  }

  private HttpResponse delete(ConsoleRequest request) {
    String userName = request.parameter(0);
    String keyId = request.parameter(1);
    try {
      api.iam(request, "DeleteAccessKey", Api.input("UserName", userName, "AccessKeyId", keyId));
    } catch (AwsServiceException e) {
      return failed(request, e);
    }
    request.session().flash("Access key " + keyId + " deleted.");
    return Responses.redirect(UserPagesLinks.securityCredentials(userName));
  }

  private HttpResponse failed(ConsoleRequest request, AwsServiceException e) {
    return Responses.html(e.errorCode().httpStatus(), Layout.page(request.session(), Layout.Section.IAM,
        UserPages.NAV, "Access key", Ui.error(e),
        Ui.link(UserPagesLinks.securityCredentials(request.parameter(0)), "Back to security credentials")));
  }

  /** Paths into the user summary, shared by the access key and reveal pages. */
  static final class UserPagesLinks {
    private UserPagesLinks() {}

    static String securityCredentials(String userName) {
      return UserPages.userPath(userName, "security_credentials");
    }
  }
}
