package dev.onair.console;

import static java.util.Objects.requireNonNull;

import dev.onair.console.auth.SignInPages;
import dev.onair.console.auth.SignInService;
import dev.onair.console.iam.AccessKeyPages;
import dev.onair.console.iam.GroupRolePages;
import dev.onair.console.iam.PasswordPolicyPages;
import dev.onair.console.iam.PolicyCreatePages;
import dev.onair.console.iam.PolicyPages;
import dev.onair.console.iam.RevealPages;
import dev.onair.console.iam.UserCreatePages;
import dev.onair.console.iam.UserPages;
import dev.onair.console.iam.UserPermissionPages;
import dev.onair.console.ivs.ChannelPages;
import dev.onair.console.ivs.ChannelCreatePages;
import dev.onair.console.ivs.IvsResourcePages;
import dev.onair.console.session.Csrf;
import dev.onair.console.session.Session;
import dev.onair.console.session.SessionCookie;
import dev.onair.console.session.SessionStore;
import dev.onair.console.session.SignInThrottle;
import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Form;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.iam.store.IamStore;
import dev.onair.protocol.OperationInvoker;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.FormDecoder;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console under {@code /console/}: server-rendered pages that act as the signed-in principal through
 * {@link OperationInvoker}, i.e. through the same authorization as the API. This class is the one entry: it
 * resolves the session, enforces who may reach each route and the CSRF token on every POST, and turns any
 * service error that escapes a page into a page that says what was refused.
 */
public final class Console {
  private static final Logger LOG = LoggerFactory.getLogger(Console.class);
  public static final String PREFIX = "/console";

  private final SessionStore sessions;
  private final Routes routes = new Routes();
  private final Assets assets = new Assets();

  public Console(OperationInvoker invoker, IamStore iamStore, Clock clock, ConsoleSettings settings) {
    this(invoker, iamStore, clock, settings, SessionStore.withDefaults(clock),
        new SignInThrottle(clock, SignInThrottle.Limits.defaults()));
  }

  public Console(OperationInvoker invoker, IamStore iamStore, Clock clock, ConsoleSettings settings,
      SessionStore sessions, SignInThrottle throttle) {
    requireNonNull(invoker, "invoker is null");
    requireNonNull(iamStore, "iamStore is null");
    this.sessions = requireNonNull(sessions, "sessions is null");
    Api api = new Api(invoker);
    new SignInPages(sessions, throttle, new SignInService(iamStore, clock), api).register(routes);
    new PolicyPages(api).register(routes);
    new PolicyCreatePages(api).register(routes);
    // before UserPages: "/iam/users/create" would otherwise read as the summary of a user named "create"
    new UserCreatePages(api).register(routes);
    new UserPages(api).register(routes);
    new UserPermissionPages(api).register(routes);
    new AccessKeyPages(api).register(routes);
    new RevealPages().register(routes);
    new GroupRolePages(api).register(routes);
    new PasswordPolicyPages(api).register(routes);
    new ChannelCreatePages(api).register(routes);
    new ChannelPages(api, requireNonNull(settings, "settings is null")).register(routes);
    new IvsResourcePages(api).register(routes);
  }

  public HttpResponse handle(HttpRequest http, String requestId) {
    String raw = http.rawPath();
    if (raw.equals(PREFIX)) {
      return Responses.redirect(PREFIX + "/");
    }
    if (!raw.startsWith(PREFIX + "/")) {
      return Responses.text(404, "Not Found");
    }
    String path = raw.substring(PREFIX.length());
    if (path.startsWith("/assets/")) {
      return assets.serve(path.substring("/assets/".length()));
    }
    Session session = sessions.find(SessionCookie.read(http)).orElse(null);
    String method = http.method();
    Optional<Routes.Match> match = routes.match(method, path);
    if (match.isEmpty()) {
      int status = routes.knowsPath(path) ? 405 : 404;
      return Responses.html(status, Layout.page(signedInOrNull(session), Layout.Section.NONE, null,
          status == 404 ? "Page not found" : "Method not allowed", Html.EMPTY,
          Html.literal("<p><a href=\"/console/\">Go to the console home</a></p>")));
    }
    Routes.Route route = match.get().route();
    Form query = Form.parse(http.rawQuery());
    Form form = method.equals("POST") && isForm(http) ? Form.parse(FormDecoder.utf8(http.body())) : query;
    ConsoleRequest request = new ConsoleRequest(http, path, session, form, query, match.get().parameters());

    if (route.access() != Routes.Access.PUBLIC) {
      if (session == null || session.state() == Session.State.ANONYMOUS) {
        return method.equals("GET") || method.equals("HEAD")
            ? Responses.redirect(PREFIX + "/signin")
            : refused(null, 401, "Your session has ended", "Sign in again to continue.");
      }
      if (route.access() == Routes.Access.SIGNED_IN && session.state() == Session.State.PASSWORD_CHANGE_REQUIRED) {
        return Responses.redirect(PREFIX + "/change-password");
      }
    }
    if (method.equals("POST")) {
      String token = Optional.ofNullable(form.get(Csrf.FIELD)).orElse(http.header(Csrf.HEADER));
      if (!Csrf.valid(session, token, http)) {
        return refused(signedInOrNull(session), 403, "Request refused",
            "This form did not carry the console's security token, or it has expired. Reload the page and try again.");
      }
    } else if (session != null && !path.startsWith("/reveal/")) {
      // a secret shown once is gone as soon as its page is left
      session.discardReveals();
    }
    try {
      return route.page().handle(request);
    } catch (AwsServiceException e) {
      return Responses.html(e.errorCode().httpStatus(), Layout.page(signedInOrNull(session), Layout.Section.NONE,
          null, "Request failed", Ui.error(e), Html.literal("<p><a href=\"/console/\">Go to the console home</a></p>")));
    } catch (RuntimeException e) {
      LOG.error("console request {} {} failed", requestId, method, e);
      return refused(signedInOrNull(session), 500, "Something went wrong",
          "The console could not complete this request. Request id: " + requestId);
    }
  }

  /** The route table, for tests that hold every route to the same rules. */
  java.util.List<Routes.Route> routes() {
    return routes.all();
  }

  private static HttpResponse refused(Session session, int status, String title, String message) {
    return Responses.html(status, Layout.page(session, Layout.Section.NONE, null, title,
        Ui.errorText(title, message), Html.literal("<p><a href=\"/console/\">Go to the console</a></p>")));
  }

  private static Session signedInOrNull(Session session) {
    return session != null && session.state() != Session.State.ANONYMOUS ? session : null;
  }

  private static boolean isForm(HttpRequest http) {
    String type = http.header("Content-Type");
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }
}
