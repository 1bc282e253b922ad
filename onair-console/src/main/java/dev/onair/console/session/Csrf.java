package dev.onair.console.session;

import dev.onair.protocol.http.HttpRequest;

/**
 * Synchronizer-token CSRF defence: every form carries the session's token in a hidden field (fetches send it in a
 * header) and every state-changing request must echo it. A cross-site page can make the browser send the cookie
 * (if SameSite ever fails) but cannot read the token. As a second line, a request whose Origin header names
 * another site is refused even with a token.
 */
public final class Csrf {
  public static final String FIELD = "csrf";
  public static final String HEADER = "X-CSRF-Token";

  private Csrf() {}

  public static boolean valid(Session session, String presentedToken, HttpRequest request) {
    if (session == null || !Tokens.constantTimeEquals(session.csrfToken(), presentedToken)) {
      return false;
    }
    return sameOrigin(request);
  }

  /** True when the Origin header is absent (older browsers, same-origin GET) or names this host. */
  static boolean sameOrigin(HttpRequest request) {
    String origin = request.header("Origin");
    if (origin == null) {
      return true;
    }
    String host = request.header("Host");
    if (host == null || origin.equals("null")) {
      return false;
    }
    return origin.equals("http://" + host) || origin.equals("https://" + host);
  }
}
