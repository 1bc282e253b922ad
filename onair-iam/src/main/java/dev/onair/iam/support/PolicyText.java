package dev.onair.iam.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** IAM returns policy documents URL-encoded (RFC 3986); botocore and the SDKs decode them. */
public final class PolicyText {
  private PolicyText() {}

  public static String urlEncode(String document) {
    if (document == null) {
      return null;
    }
    // URLEncoder follows HTML forms: turn its '+' for space, bare '*' and encoded '~' into RFC 3986 form.
    return URLEncoder.encode(document, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
