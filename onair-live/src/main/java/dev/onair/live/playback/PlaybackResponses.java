package dev.onair.live.playback;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Status, content type, caching and CORS headers for playback responses, in one place. */
final class PlaybackResponses {
  static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
  /** Playlists change every part; a blocking response is only valid for the request that waited for it. */
  static final String NO_CACHE = "no-cache";
  /** A non-LL playlist changes once a segment; a second of caching lets a CDN collapse requests. */
  static final String SHORT_CACHE = "public, max-age=1";
  /** Segment URLs include the stream id, so their bytes never change. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private PlaybackResponses() {}

  static HttpResponse playlist(String text, String cacheControl, String allowOrigin) {
    return media(200, PLAYLIST_TYPE, text.getBytes(StandardCharsets.UTF_8), cacheControl, allowOrigin);
  }

  static HttpResponse playlist(byte[] body, String cacheControl, String allowOrigin) {
    return media(200, PLAYLIST_TYPE, body, cacheControl, allowOrigin);
  }

  static HttpResponse media(int status, String contentType, byte[] body, String cacheControl, String allowOrigin) {
    HttpHeaders headers = HttpHeaders.of("Content-Type", contentType, "Cache-Control", cacheControl);
    if (allowOrigin != null) {
      headers = headers.with("Access-Control-Allow-Origin", allowOrigin);
      if (!"*".equals(allowOrigin)) {
        headers = headers.with("Vary", "Origin");
      }
    }
    return new HttpResponse(status, headers, body);
  }

  static HttpResponse error(int status, String message) {
    // Errors carry CORS too, so a browser player sees the status instead of an opaque network failure.
    return new HttpResponse(status, HttpHeaders.of(
        "Content-Type", "text/plain; charset=utf-8",
        "Cache-Control", "no-cache",
        "Access-Control-Allow-Origin", "*"), (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse preflight() {
    return new HttpResponse(204, HttpHeaders.of(
        "Access-Control-Allow-Origin", "*",
        "Access-Control-Allow-Methods", "GET, HEAD, OPTIONS",
        "Access-Control-Allow-Headers", "*",
        "Access-Control-Max-Age", "86400"), new byte[0]);
  }

  /**
   * Narrows a successful response's {@code Access-Control-Allow-Origin} to what a playback restriction policy
   * allows: the request's origin, or no header at all ({@code allowed} null), in which case browsers refuse it.
   * A response that already sends none (a token's origin claim refused) stays without. Errors keep "*" so that
   * a browser player can see why it failed.
   */
  static HttpResponse restrictOrigin(HttpResponse response, String allowed) {
    if (response.status() >= 300) {
      return response;
    }
    String current = response.headers().get("Access-Control-Allow-Origin");
    String value = allowed == null || current == null ? null : allowed;
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    for (Map.Entry<String, String> entry : response.headers().entries()) {
      String name = entry.getKey();
      if (!name.equalsIgnoreCase("Access-Control-Allow-Origin") && !name.equalsIgnoreCase("Vary")) {
        entries.add(entry);
      }
    }
    if (value != null) {
      entries.add(Map.entry("Access-Control-Allow-Origin", value));
    }
    entries.add(Map.entry("Vary", "Origin"));
    return new HttpResponse(response.status(), new HttpHeaders(entries), response.body());
  }

  /**
   * The Access-Control-Allow-Origin value for a private channel's token claim: any origin when the claim is
   * absent or "*", else the request's Origin when it matches an entry (entries may use {@code https://*.host}).
   * Null means "no header", which makes the browser refuse.
   */
  static String allowOrigin(String claim, String requestOrigin) {
    if (claim == null || claim.isBlank() || claim.trim().equals("*")) {
      return "*";
    }
    if (requestOrigin == null) {
      return null;
    }
    for (String entry : claim.split(",")) {
      String pattern = entry.trim();
      if (pattern.equals(requestOrigin)) {
        return requestOrigin;
      }
      int star = pattern.indexOf("://*.");
      if (star > 0) {
        String scheme = pattern.substring(0, star + 3);
        String suffix = pattern.substring(star + 4);
        if (requestOrigin.startsWith(scheme) && requestOrigin.endsWith(suffix)
            && requestOrigin.length() > scheme.length() + suffix.length()) {
          return requestOrigin;
        }
      }
    }
    return null;
  }
}
