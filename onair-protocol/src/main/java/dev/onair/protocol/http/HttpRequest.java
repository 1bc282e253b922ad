package dev.onair.protocol.http;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A complete HTTP request as received, independent of the transport. Path and query are kept raw (undecoded)
 * because SigV4 signs the bytes the client sent.
 *
 * @param method upper-case method
 * @param rawPath the path exactly as on the request line, percent-encoding intact
 * @param rawQuery the query string without '?', percent-encoding intact; empty when absent
 * @param remoteAddress the client's IP address as text
 * @param secure whether the request arrived over TLS (aws:SecureTransport)
 */
public record HttpRequest(
    String method,
    String rawPath,
    String rawQuery,
    HttpHeaders headers,
    byte[] body,
    String remoteAddress,
    boolean secure) {

  public HttpRequest {
    requireNonNull(method, "method is null");
    requireNonNull(rawPath, "rawPath is null");
    rawQuery = rawQuery == null ? "" : rawQuery;
    requireNonNull(headers, "headers is null");
    body = body == null ? new byte[0] : body;
    requireNonNull(remoteAddress, "remoteAddress is null");
  }

  public String header(String name) {
    return headers.get(name);
  }

  /** The decoded path; '+' stays '+' because only query strings use it for spaces. */
  public String decodedPath() {
    return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Query parameters decoded, in wire order, repeats kept. A parameter without '=' has the empty value. */
  public List<Map.Entry<String, String>> queryParameters() {
    return FormDecoder.decode(rawQuery);
  }

  /** The first value of a query parameter, or null. */
  public String queryParameter(String name) {
    for (Map.Entry<String, String> entry : queryParameters()) {
      if (entry.getKey().equals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  public boolean hasQueryParameter(String name) {
    return queryParameter(name) != null;
  }

  /** Lists what matters for diagnostics; the body and header values may hold secrets and are left out. */
  @Override
  public String toString() {
    return "HttpRequest[" + method + " " + rawPath + ", " + headers + ", body=" + body.length + " bytes]";
  }

  /** Equality by content: records compare arrays by identity, which is never what a request means. */
  @Override
  public boolean equals(Object other) {
    return other instanceof HttpRequest that
        && method.equals(that.method)
        && rawPath.equals(that.rawPath)
        && rawQuery.equals(that.rawQuery)
        && headers.equals(that.headers)
        && java.util.Arrays.equals(body, that.body)
        && remoteAddress.equals(that.remoteAddress)
        && secure == that.secure;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(method, rawPath, rawQuery, headers, java.util.Arrays.hashCode(body));
  }
}
