package dev.onair.protocol.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/** A complete HTTP response. The transport adds Date and the request id headers to every response. */
public record HttpResponse(int status, HttpHeaders headers, byte[] body) {
  public HttpResponse {
    requireNonNull(headers, "headers is null");
    body = body == null ? new byte[0] : body;
  }

  public static HttpResponse of(int status, String contentType, byte[] body) {
    return new HttpResponse(status, HttpHeaders.of("Content-Type", contentType), body);
  }

  public static HttpResponse text(int status, String contentType, String body) {
    return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse empty(int status) {
    return new HttpResponse(status, HttpHeaders.EMPTY, new byte[0]);
  }

  public HttpResponse withHeader(String name, String value) {
    return new HttpResponse(status, headers.with(name, value), body);
  }

  @Override
  public String toString() {
    return "HttpResponse[" + status + ", " + headers + ", body=" + body.length + " bytes]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HttpResponse that
        && status == that.status
        && headers.equals(that.headers)
        && java.util.Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * status + java.util.Arrays.hashCode(body);
  }
}
