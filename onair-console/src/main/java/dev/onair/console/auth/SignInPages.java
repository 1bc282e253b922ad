package dev.onair.console.auth;

import dev.onair.console.session.Session;
import dev.onair.console.session.SessionCookie;
import dev.onair.console.session.SessionStore;
import dev.onair.console.session.SignInThrottle;
import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.iam.model.PasswordPolicy;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sign-in (root or IAM user), the forced password change, sign-out, and the console home. */
public final class SignInPages {
  static final String INCORRECT = "Your authentication information is incorrect. Please try again.";

  private final SessionStore sessions;
  private final SignInThrottle throttle;
  private final SignInService signIn;
  private final Api api;

  public SignInPages(SessionStore sessions, SignInThrottle throttle, SignInService signIn, Api api) {
    this.sessions = sessions;
    this.throttle = throttle;
    this.signIn = signIn;
    this.api = api;
  }

  public void register(Routes routes) {
    routes.add("GET", "/signin", Routes.Access.PUBLIC, this::signInForm);
    routes.add("POST", "/signin", Routes.Access.PUBLIC, this::signIn);
    routes.add("GET", "/change-password", Routes.Access.PENDING_PASSWORD_CHANGE, this::changePasswordForm);
    routes.add("POST", "/change-password", Routes.Access.PENDING_PASSWORD_CHANGE, this::changePassword);
    routes.add("POST", "/signout", Routes.Access.PENDING_PASSWORD_CHANGE, this::signOut);
    routes.get("/", this::home);
  }

  private HttpResponse signInForm(ConsoleRequest request) {
    Session session = request.session();
    if (session != null && session.state() != Session.State.ANONYMOUS) {
      return Responses.redirect("/console/");
    }
    Html banner = request.query().get("signedout") != null ? Ui.success("You have signed out.") : Html.EMPTY;
    // the sign-in URL given to new IAM users names the account (an identifier, not a secret)
    String account = request.query().trimmed("account");
    return signInPage(request, 200, banner, account, null, account == null ? "root" : "iam");
  }

  private HttpResponse signInPage(
      ConsoleRequest request, int status, Html banner, String account, String userName, String kind) {
    Session session = request.session();
    boolean fresh = session == null || session.state() != Session.State.ANONYMOUS;
    if (fresh) {
      session = sessions.createAnonymous();
    }
    Html form = Html.of(
        "<form method=\"post\" action=\"/console/signin\" class=\"signin\" id=\"signin-form\">{}"
            + "<fieldset><legend>Sign in as</legend>{}{}</fieldset>{}<div id=\"user-name-field\">{}</div>{}"
            + "<button type=\"submit\" class=\"primary\" id=\"signin-submit\">Sign in</button></form>",
        Ui.csrf(session),
        Ui.radio("kind-root", "kind", "root", "Root user", "root".equals(kind),
            "Account owner that performs tasks requiring unrestricted access."),
        Ui.radio("kind-iam", "kind", "iam", "IAM user", "iam".equals(kind),
            "User within an account that performs daily tasks."),
        Ui.field("text", "account", "account", "Account ID (12 digits) or account alias", account, null,
            " required autocomplete=\"username\""),
        Ui.field("text", "username", "username", "IAM user name", userName,
            "Only for IAM users.", " autocomplete=\"off\""),
        Ui.field("password", "password", "password", "Password", null, null,
            " required autocomplete=\"current-password\""));
    Html page = Layout.page(session, Layout.Section.NONE, null, "Sign in", banner,
        Html.of("<div class=\"narrow\">{}</div>", form));
    HttpResponse response = Responses.html(status, page);
    return fresh ? response.withHeader("Set-Cookie", SessionCookie.set(session.id(), request.http().secure()))
        : response;
  }

  private HttpResponse signIn(ConsoleRequest request) {
    String kind = "iam".equals(request.form().get("kind")) ? "iam" : "root";
    String account = request.form().trimmed("account");
    String userName = "iam".equals(kind) ? request.form().trimmed("username") : null;
    String password = request.form().get("password");
    String address = request.http().remoteAddress();
    String throttleUser = userName == null ? "(root)" : userName;
    // counted per account, not per spelling: the id and the alias must not give a guesser two allowances
    String throttleAccount = signIn.accountId(account).orElse(account);
    Optional<Duration> wait = throttle.retryAfter(throttleAccount, throttleUser, address);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      return signInPage(request, 429,
          Ui.errorText("Too many failed sign-in attempts",
              "Sign-in is paused for this account and user. Wait " + minutes + " minute"
                  + (minutes == 1 ? "" : "s") + " and try again."),
          account, userName, kind)
          .withHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
    }
    Optional<SignInService.Verified> verified = userName == null && "iam".equals(kind)
        ? Optional.empty()
        : "root".equals(kind) ? signIn.verifyRoot(account, password) : signIn.verifyUser(account, userName, password);
    if (verified.isEmpty()) {
      throttle.failed(throttleAccount, throttleUser, address);
      return signInPage(request, 401, Ui.errorText("Sign-in failed", INCORRECT), account, userName, kind);
    }
    throttle.succeeded(throttleAccount, throttleUser);
    Session session = sessions.signIn(request.session(), verified.get().principal(),
        verified.get().passwordResetRequired());
    String next = verified.get().passwordResetRequired() ? "/console/change-password" : "/console/";
    return Responses.redirect(next).withHeader("Set-Cookie", SessionCookie.set(session.id(), request.http().secure()));
  }

  private HttpResponse changePasswordForm(ConsoleRequest request) {
    return changePasswordPage(request, 200, Html.EMPTY);
  }

  private HttpResponse changePasswordPage(ConsoleRequest request, int status, Html banner) {
    Session session = request.session();
    if (session.principal().root()) {
      return Responses.redirect("/console/");
    }
    boolean forced = session.state() == Session.State.PASSWORD_CHANGE_REQUIRED;
    Html intro = forced
        ? Ui.warning("Password change required. You must change your password to continue.")
        : Html.EMPTY;
    Html form = Ui.postForm(session, "/console/change-password", Html.of(
        "{}{}{}{}{}<button type=\"submit\" class=\"primary\" id=\"change-password-submit\">Confirm password change</button>",
        Ui.details(List.of(
            new String[] {"AWS account", session.principal().accountLabel()},
            new String[] {"IAM user name", session.principal().userName()})),
        requirements(session.principal().caller().accountId()),
        Ui.field("password", "old-password", "oldPassword", "Old password", null, null,
            " required autocomplete=\"current-password\""),
        Ui.field("password", "new-password", "newPassword", "New password", null, null,
            " required autocomplete=\"new-password\""),
        Ui.field("password", "confirm-password", "confirmPassword", "Retype new password", null, null,
            " required autocomplete=\"new-password\"")));
    Html page = Layout.page(session, Layout.Section.NONE, null, "Change password", banner,
        Html.of("<div class=\"narrow\">{}{}</div>", intro, form));
    return Responses.html(status, page);
  }

  private Html requirements(String accountId) {
    Optional<PasswordPolicy> policy = signIn.passwordPolicy(accountId);
    List<Html> rules = new ArrayList<>();
    if (policy.isEmpty()) {
      rules.add(Html.literal("<li>At least 8 characters</li>"));
      rules.add(Html.literal("<li>A mix of at least three of: uppercase letters, lowercase letters, numbers, symbols</li>"));
    } else {
      PasswordPolicy rule = policy.get();
      rules.add(Html.of("<li>At least {} characters</li>", rule.minimumPasswordLength()));
      if (rule.requireUppercaseCharacters()) {
        rules.add(Html.literal("<li>At least one uppercase letter (A-Z)</li>"));
      }
      if (rule.requireLowercaseCharacters()) {
        rules.add(Html.literal("<li>At least one lowercase letter (a-z)</li>"));
      }
      if (rule.requireNumbers()) {
        rules.add(Html.literal("<li>At least one number (0-9)</li>"));
      }
      if (rule.requireSymbols()) {
        rules.add(Html.literal("<li>At least one symbol: ! @ # $ % ^ &amp; * ( ) _ + - = [ ] { } | '</li>"));
      }
    }
    return Html.of("<div class=\"requirements\"><p>The new password must satisfy the account password policy:</p><ul>{}</ul></div>",
        Html.join(rules));
  }

  private HttpResponse changePassword(ConsoleRequest request) {
    String oldPassword = request.form().get("oldPassword");
    String newPassword = request.form().get("newPassword");
    if (newPassword == null || !newPassword.equals(request.form().get("confirmPassword"))) {
      return changePasswordPage(request, 400, Ui.errorText("Passwords do not match",
          "The new password and the retyped password must be the same."));
    }
    if (newPassword.equals(oldPassword)) {
      return changePasswordPage(request, 400, Ui.errorText("Choose a new password",
          "The new password must be different from the old password."));
    }
    try {
      api.iam(request, "ChangePassword", Api.input("OldPassword", oldPassword, "NewPassword", newPassword));
    } catch (AwsServiceException e) {
      return changePasswordPage(request, 400, Ui.error(e));
    }
    request.session().passwordChanged();
    sessions.stateChanged(request.session());
    request.session().flash("Your password has been changed.");
    return Responses.redirect("/console/");
  }

  private HttpResponse signOut(ConsoleRequest request) {
    sessions.end(request.session());
    return Responses.redirect("/console/signin?signedout=1")
        .withHeader("Set-Cookie", SessionCookie.clear(request.http().secure()));
  }

  private HttpResponse home(ConsoleRequest request) {
    Session session = request.session();
    Html body = Html.of(
        "<p>Signed in as <strong>{}</strong> ({}).</p><div class=\"cards\">"
            + "<section class=\"card\"><h2><a href=\"/console/iam/users\">IAM</a></h2>"
            + "<p>Manage access to AWS resources: users, user groups, roles and policies.</p>"
            + "<ul><li><a href=\"/console/iam/policies\">Policies</a></li><li><a href=\"/console/iam/users\">Users</a></li></ul></section>"
            + "<section class=\"card\"><h2><a href=\"/console/ivs/channels\">Amazon IVS</a></h2>"
            + "<p>Low-latency live streaming: channels, stream keys, recording.</p>"
            + "<ul><li><a href=\"/console/ivs/channels\">Channels</a></li></ul></section></div>",
        session.principal().displayName(), session.principal().caller().arn());
    return Responses.html(200, Layout.page(session, Layout.Section.HOME, null, "Console Home", Html.EMPTY, body));
  }
}
