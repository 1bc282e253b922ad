package dev.onair.console.session;

import dev.onair.protocol.http.HttpRequest;

/**
 * The session cookie: HttpOnly (scripts never see it), SameSite=Strict (no other site's page can make the browser
 * send it), scoped to the console's path, Secure when the console is reached over TLS. No Max-Age: it dies with
 * the browser, and the server expires it anyway.
 */
public final class SessionCookie {
  public static final String NAME = "onair_console";
  public static final String PATH = "/console/";

  private SessionCookie() {}

  public static String set(String sessionId, boolean secure) {
    return NAME + "=" + sessionId + "; Path=" + PATH + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  public static String clear(boolean secure) {
    return NAME + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  /** The session id the request carries, or null. */
  public static String read(HttpRequest request) {
    for (String header : request.headers().all("Cookie")) {
      for (String part : header.split(";")) {
        String cookie = part.trim();
        int equals = cookie.indexOf('=');
        if (equals > 0 && cookie.substring(0, equals).trim().equals(NAME)) {
          String value = cookie.substring(equals + 1).trim();
          return value.isEmpty() ? null : value;
        }
      }
    }
    return null;
  }
}
