package dev.onair.console.iam;

import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Form;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import java.util.List;

/**
 * IAM → Account settings: the account alias (which the sign-in page accepts instead of the account id) and the
 * account password policy (view, edit, return to IAM's default).
 */
public final class PasswordPolicyPages {
  private static final String NAV = "/console/iam/account-settings";

  private final Api api;

  public PasswordPolicyPages(Api api) {
    this.api = api;
  }

  public void register(Routes routes) {
    routes.get("/iam/account-settings", request -> page(request, 200, Html.EMPTY));
    routes.post("/iam/account-settings/password-policy", this::save);
    routes.post("/iam/account-settings/password-policy/delete", this::reset);
    routes.post("/iam/account-settings/alias", this::alias);
  }

  private HttpResponse page(ConsoleRequest request, int status, Html banner) {
    StructNode policy = null;
    Html current;
    try {
      policy = api.iam(request, "GetAccountPasswordPolicy", StructNode.EMPTY).struct("PasswordPolicy");
      current = Ui.details(List.of(
          new String[] {"Minimum password length", policy.string("MinimumPasswordLength") + " characters"},
          new String[] {"Require at least one uppercase letter", yes(policy, "RequireUppercaseCharacters")},
          new String[] {"Require at least one lowercase letter", yes(policy, "RequireLowercaseCharacters")},
          new String[] {"Require at least one number", yes(policy, "RequireNumbers")},
          new String[] {"Require at least one non-alphanumeric character", yes(policy, "RequireSymbols")},
          new String[] {"Allow users to change their own password", yes(policy, "AllowUsersToChangePassword")},
          new String[] {"Password expiration", policy.string("MaxPasswordAge") == null ? "Never"
              : policy.string("MaxPasswordAge") + " days"},
          new String[] {"Prevent password reuse", policy.string("PasswordReusePrevention") == null ? "No"
              : "Remember " + policy.string("PasswordReusePrevention") + " passwords"}));
    } catch (AwsServiceException e) {
      current = e.errorCode().code().equals("NoSuchEntity")
          ? Ui.info("This AWS account uses the default password policy: at least 8 characters and a mix of at least three of uppercase letters, lowercase letters, numbers and symbols.")
          : Ui.error(e);
    }
    StructNode values = policy == null ? StructNode.EMPTY : policy;
    Html form = Ui.postForm(request.session(), NAV + "/password-policy", Html.of(
        "{}{}{}{}{}{}{}{}<div class=\"buttons\"><button type=\"submit\" class=\"primary\" id=\"password-policy-save\">Save changes</button></div>",
        Ui.field("number", "min-length", "MinimumPasswordLength", "Password minimum length",
            values.string("MinimumPasswordLength") == null ? "8" : values.string("MinimumPasswordLength"),
            "Must be between 6 and 128 characters.", " min=\"6\" max=\"128\" required"),
        check("RequireUppercaseCharacters", "Require at least one uppercase letter from the Latin alphabet (A-Z)", values),
        check("RequireLowercaseCharacters", "Require at least one lowercase letter from the Latin alphabet (a-z)", values),
        check("RequireNumbers", "Require at least one number", values),
        check("RequireSymbols", "Require at least one non-alphanumeric character ( ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' )", values),
        check("AllowUsersToChangePassword", "Allow users to change their own password", values),
        Ui.field("number", "max-age", "MaxPasswordAge", "Turn on password expiration (days) - optional",
            values.string("MaxPasswordAge"), "Between 1 and 1095 days; leave empty for no expiration.",
            " min=\"1\" max=\"1095\""),
        Ui.field("number", "reuse", "PasswordReusePrevention", "Prevent password reuse (remember passwords) - optional",
            values.string("PasswordReusePrevention"), "Between 1 and 24.", " min=\"1\" max=\"24\"")));
    Html resetForm = policy == null ? Html.EMPTY
        : Ui.actionButton(request.session(), NAV + "/password-policy/delete", "Reset to IAM default", "secondary");
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IAM, NAV, "Account settings", banner,
        Html.join(aliasPanel(request), Ui.panel("Password policy", resetForm, current),
            Ui.panel("Edit password policy", Html.EMPTY, form))));
  }

  private Html aliasPanel(ConsoleRequest request) {
    String alias = null;
    Html current;
    try {
      List<String> aliases = api.iam(request, "ListAccountAliases", StructNode.EMPTY).list("AccountAliases").strings();
      alias = aliases.isEmpty() ? null : aliases.get(0);
      current = Ui.details(List.<String[]>of(new String[] {"Account alias", alias == null ? "None" : alias}));
    } catch (AwsServiceException e) {
      current = Ui.error(e);
    }
    Html form = Ui.postForm(request.session(), NAV + "/alias", Html.of(
        "{}<div class=\"buttons\"><button type=\"submit\" class=\"secondary\" id=\"alias-save\">{}</button></div>",
        Ui.field("text", "account-alias", "alias", "Account alias", alias,
            "3 to 63 lowercase letters, digits and hyphens. Users can sign in with it instead of the account ID.",
            " maxlength=\"63\""),
        alias == null ? "Create alias" : "Change alias"));
    return Ui.panel("Account alias", Html.EMPTY, Html.join(current, form));
  }

  /** AWS allows one alias: changing it is delete then create. */
  private HttpResponse alias(ConsoleRequest request) {
    String wanted = request.form().trimmed("alias");
    try {
      for (String existing : api.iam(request, "ListAccountAliases", StructNode.EMPTY).list("AccountAliases").strings()) {
        if (existing.equals(wanted)) {
          return Responses.redirect(NAV);
        }
        api.iam(request, "DeleteAccountAlias", Api.input("AccountAlias", existing));
      }
      if (wanted != null) {
        api.iam(request, "CreateAccountAlias", Api.input("AccountAlias", wanted));
      }
    } catch (AwsServiceException e) {
      return page(request, e.errorCode().httpStatus(), Ui.error(e));
    }
    request.session().flash(wanted == null ? "Account alias removed." : "Account alias " + wanted + " saved.");
    return Responses.redirect(NAV);
  }

  private static String yes(StructNode policy, String member) {
    return Boolean.TRUE.equals(policy.bool(member)) ? "Yes" : "No";
  }

  private static Html check(String name, String label, StructNode values) {
    return Ui.checkbox("pp-" + name, name, "true", label, Boolean.TRUE.equals(values.bool(name)), null);
  }

  private HttpResponse save(ConsoleRequest request) {
    Form form = request.form();
    try {
      api.iam(request, "UpdateAccountPasswordPolicy", Api.input(
          "MinimumPasswordLength", form.trimmed("MinimumPasswordLength"),
          "RequireUppercaseCharacters", Boolean.toString(form.checked("RequireUppercaseCharacters")),
          "RequireLowercaseCharacters", Boolean.toString(form.checked("RequireLowercaseCharacters")),
          "RequireNumbers", Boolean.toString(form.checked("RequireNumbers")),
          "RequireSymbols", Boolean.toString(form.checked("RequireSymbols")),
          "AllowUsersToChangePassword", Boolean.toString(form.checked("AllowUsersToChangePassword")),
          "MaxPasswordAge", form.trimmed("MaxPasswordAge"),
          "PasswordReusePrevention", form.trimmed("PasswordReusePrevention")));
    } catch (AwsServiceException e) {
      return page(request, e.errorCode().httpStatus(), Ui.error(e));
    }
    request.session().flash("Password policy updated.");
    return Responses.redirect(NAV);
  }

  private HttpResponse reset(ConsoleRequest request) {
    try {
      api.iam(request, "DeleteAccountPasswordPolicy", StructNode.EMPTY);
    } catch (AwsServiceException e) {
      return page(request, e.errorCode().httpStatus(), Ui.error(e));
    }
    request.session().flash("The account now uses IAM's default password policy.");
    return Responses.redirect(NAV);
  }
}
