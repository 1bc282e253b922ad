package dev.onair.s3.routing;

import dev.onair.protocol.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Where a request points: the bucket and key, from a virtual-host-style Host ({@code bucket.s3.example.com}) or a
 * path-style path ({@code /bucket/key}).
 *
 * @param bucket null for service-level requests (ListBuckets)
 * @param key null for bucket-level requests; may be empty only when a client sent {@code /bucket/}
 */
public record S3Address(String bucket, String key) {

  /**
   * @param hostSuffixes the configured S3 host names ({@code s3.localhost}, the public host): a Host of the form
   *     {@code <bucket>.<suffix>} is virtual-host style; anything else is path style
   */
  public static S3Address of(HttpRequest request, List<String> hostSuffixes) {
    String path = decodePath(request.rawPath());
    String bucketFromHost = bucketFromHost(request.header("Host"), hostSuffixes);
    if (bucketFromHost != null) {
      String key = path.length() > 1 ? path.substring(1) : null;
      return new S3Address(bucketFromHost, key);
    }
    if (path.isEmpty() || path.equals("/")) {
      return new S3Address(null, null);
    }
    String rest = path.substring(1);
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return new S3Address(rest, null);
    }
    String key = rest.substring(slash + 1);
    return new S3Address(rest.substring(0, slash), key.isEmpty() ? null : key);
  }

  static String bucketFromHost(String hostHeader, List<String> hostSuffixes) {
    if (hostHeader == null) {
      return null;
    }
    String host = stripPort(hostHeader.trim()).toLowerCase(Locale.ROOT);
    for (String suffix : hostSuffixes) {
      String dotted = "." + suffix.toLowerCase(Locale.ROOT);
      if (host.endsWith(dotted) && host.length() > dotted.length()) {
        return host.substring(0, host.length() - dotted.length());
      }
    }
    return null;
  }

  private static String stripPort(String host) {
    if (host.startsWith("[")) {
      return host;
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  // '+' is a literal plus in a path; only query strings use it for a space
  private static String decodePath(String rawPath) {
    return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
