package dev.onair.console.web;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Every console response carries the same protective headers: a strict Content-Security-Policy (only Onair's own
 * scripts and styles, no inline script, no framing), no MIME sniffing, and no caching of pages, since pages may
 * show secrets and account data.
 */
public final class Responses {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:;"
          + " worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self';"
          + " base-uri 'none'; object-src 'none'";

  private Responses() {}

  public static HttpResponse html(int status, Html page) {
    return html(status, page, null);
  }

  /** @param extraConnectSource an origin a page's script may fetch from (the HLS playback origin), or null */
  public static HttpResponse html(int status, Html page, String extraConnectSource) {
    String csp = extraConnectSource == null
        ? CSP
        : CSP.replace("connect-src 'self'", "connect-src 'self' " + extraConnectSource)
            .replace("media-src 'self' blob:", "media-src 'self' blob: " + extraConnectSource);
    return protect(
        new HttpResponse(
            status,
            HttpHeaders.of("Content-Type", "text/html; charset=utf-8", "Content-Security-Policy", csp),
            page.markup().getBytes(StandardCharsets.UTF_8)));
  }

  /** 303 See Other: after a POST the browser GETs the result, so reloading never repeats the action. */
  public static HttpResponse redirect(String location) {
    return protect(new HttpResponse(303, HttpHeaders.of("Location", location), new byte[0]));
  }

  public static HttpResponse json(int status, String body) {
    return protect(
        new HttpResponse(
            status,
            HttpHeaders.of("Content-Type", "application/json"),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  public static HttpResponse download(String fileName, String contentType, String body) {
    String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return protect(
        new HttpResponse(
            200,
            HttpHeaders.of(
                "Content-Type", contentType,
                "Content-Disposition", "attachment; filename=\"" + safeName + "\""),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  public static HttpResponse text(int status, String message) {
    return protect(HttpResponse.text(status, "text/plain; charset=utf-8", message));
  }

  static HttpResponse protect(HttpResponse response) {
    return response
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("Referrer-Policy", "same-origin")
        .withHeader("X-Frame-Options", "DENY")
        .withHeader("Cache-Control", "no-store");
  }

  /** Static assets: cacheable, but never sniffed or framed. */
  public static HttpResponse asset(String contentType, byte[] body) {
    return new HttpResponse(
        200,
        HttpHeaders.of(
            "Content-Type", contentType,
            "Cache-Control", "public, max-age=3600",
            "X-Content-Type-Options", "nosniff"),
        body);
  }
}
