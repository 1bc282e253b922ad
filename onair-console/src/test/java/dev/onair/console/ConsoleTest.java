package dev.onair.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.console.session.Session;
import dev.onair.console.session.SessionStore;
import dev.onair.console.session.SignInThrottle;
import dev.onair.console.session.SignedIn;
import dev.onair.console.web.Routes;
import dev.onair.iam.store.IamStore;
import dev.onair.protocol.Caller;
import dev.onair.protocol.OperationInvoker;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's front gate, in process: who reaches which route, the CSRF token on every POST, and denials shown as
 * the service's message. Services are a hand-written invoker that records calls and can deny them.
 */
class ConsoleTest {
  /** Records every call; denies the operations named in {@code denied}. */
  static final class RecordingInvoker implements OperationInvoker {
    final List<String> calls = new ArrayList<>();
    final List<String> denied = new ArrayList<>();

    @Override
    public OperationResult invoke(String signingName, String operationName,
        dev.onair.protocol.tree.StructNode input, Caller caller, HttpRequest origin) {
      calls.add(signingName + ":" + operationName);
      if (denied.contains(operationName)) {
        throw new AwsServiceException(ErrorCode.of("AccessDeniedException", 403),
            "User: " + caller.arn() + " is not authorized to perform: " + signingName + ":" + operationName
                + " on resource: *");
      }
      return OperationResult.empty();
    }
  }

  private final Clock clock = Clock.systemUTC();
  private final RecordingInvoker invoker = new RecordingInvoker();
  private final SessionStore sessions = SessionStore.withDefaults(clock);
  /** An empty account: repositories answer "nothing" (no password policy, no users); sign-in is not tested here. */
  private final IamStore store = empty(IamStore.class);

  @SuppressWarnings("unchecked")
  private static <T> T empty(Class<T> type) {
    return (T) Proxy.newProxyInstance(ConsoleTest.class.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          Class<?> returns = method.getReturnType();
          if (returns == java.util.Optional.class) {
            return java.util.Optional.empty();
          }
          if (returns == List.class) {
            return List.of();
          }
          if (returns.isInterface() && returns.getName().startsWith("dev.onair.iam.store")) {
            return empty(returns);
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
  private final Console console = new Console(invoker, store, clock, ConsoleSettings.DEFAULTS, sessions,
      new SignInThrottle(clock, SignInThrottle.Limits.defaults()));

  private Session signedIn(boolean passwordChangeRequired) {
    Caller caller = new Caller(Caller.CallerType.USER, "123456789012", "arn:aws:iam::123456789012:user/alice",
        "AIDAALICE", "alice", null, null, null, null, Map.of());
    return sessions.signIn(null, new SignedIn(caller, "123456789012", "alice"), passwordChangeRequired);
  }

  private HttpResponse send(String method, String path, Session session, String body) {
    List<String> headers = new ArrayList<>(List.of("Host", "console.example",
        "Content-Type", "application/x-www-form-urlencoded"));
    if (session != null) {
      headers.add("Cookie");
      headers.add("onair_console=" + session.id());
    }
    int question = path.indexOf('?');
    HttpRequest request = new HttpRequest(method, question < 0 ? path : path.substring(0, question),
        question < 0 ? "" : path.substring(question + 1), HttpHeaders.of(headers.toArray(new String[0])),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", false);
    return console.handle(request, "test-request");
  }

  private static String text(HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** A concrete path for a route pattern: each captured segment becomes "x". */
  private static String pathOf(Routes.Route route) {
    return "/console" + route.pattern().pattern().replace("\\Q", "").replace("\\E", "").replace("([^/]+)", "x");
  }

  @Test
  void everyPostRoute_refusesARequestWithoutTheCsrfToken_beforeCallingAnyService() {
    Session session = signedIn(false);
    int posts = 0;
    for (Routes.Route route : console.routes()) {
      if (!route.method().equals("POST")) {
        continue;
      }
      posts++;
      HttpResponse response = send("POST", pathOf(route), session, "name=x&csrf=not-the-token");
      assertThat(response.status()).as(pathOf(route)).isEqualTo(403);
      assertThat(text(response)).contains("Request refused");
    }
    assertThat(posts).isGreaterThan(20);
    assertThat(invoker.calls).isEmpty();
  }

  @Test
  void everyNonPublicRoute_sendsAnonymousVisitorsToSignIn() {
    for (Routes.Route route : console.routes()) {
      if (route.access() == Routes.Access.PUBLIC) {
        continue;
      }
      HttpResponse response = send(route.method(), pathOf(route), null, "");
      if (route.method().equals("GET")) {
        assertThat(response.status()).as(pathOf(route)).isEqualTo(303);
        assertThat(response.headers().get("Location")).isEqualTo("/console/signin");
      } else {
        assertThat(response.status()).as(pathOf(route)).isEqualTo(401);
      }
    }
    assertThat(invoker.calls).isEmpty();
  }

  @Test
  void pendingPasswordChange_opensOnlyTheChangePasswordPageAndSignOut() {
    Session session = signedIn(true);
    for (Routes.Route route : console.routes()) {
      if (!route.method().equals("GET") || route.access() != Routes.Access.SIGNED_IN) {
        continue;
      }
      HttpResponse response = send("GET", pathOf(route), session, null);
      assertThat(response.headers().get("Location")).as(pathOf(route)).isEqualTo("/console/change-password");
    }
    assertThat(send("GET", "/console/change-password", session, null).status()).isEqualTo(200);
    assertThat(invoker.calls).isEmpty();
  }

  @Test
  void deniedCall_showsTheServicesAccessDeniedMessage() {
    invoker.denied.add("ListChannels");
    HttpResponse response = send("GET", "/console/ivs/channels", signedIn(false), null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(text(response)).contains("You need permissions")
        .contains("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ivs:ListChannels");
    assertThat(invoker.calls).containsExactly("ivs:ListChannels");
  }

  @Test
  void postWithTheToken_reachesTheService_asTheSignedInPrincipal() {
    Session session = signedIn(false);
    HttpResponse response = send("POST", "/console/iam/policies/create", session,
        "csrf=" + session.csrfToken() + "&name=P&document=%7B%7D");
    assertThat(response.status()).isEqualTo(303);
    assertThat(invoker.calls).containsExactly("iam:CreatePolicy");
  }

  @Test
  void pages_carryProtectiveHeaders() {
    HttpResponse response = send("GET", "/console/", signedIn(false), null);
    assertThat(response.headers().get("Content-Security-Policy")).contains("default-src 'self'")
        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(response.headers().get("Cache-Control")).isEqualTo("no-store");
    assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void assets_onlyTheListedFiles() {
    assertThat(send("GET", "/console/assets/hls.min.js", null, null).status()).isEqualTo(200);
    assertThat(send("GET", "/console/assets/console.css", null, null).status()).isEqualTo(200);
    assertThat(send("GET", "/console/assets/../Console.class", null, null).status()).isEqualTo(404);
    assertThat(send("GET", "/console/assets/hls.min.js.map", null, null).status()).isEqualTo(404);
  }
}
