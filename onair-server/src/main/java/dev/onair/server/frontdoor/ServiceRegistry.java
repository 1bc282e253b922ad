package dev.onair.server.frontdoor;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.query.QueryParserSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services behind the front door, keyed by SigV4 signing name, like AWS's edge: a signed request goes to the
 * service its credential scope names. An unsigned request (or one scoped to a service Onair lacks) is matched by
 * its protocol markers, so that even the error it gets is in the format its client reads.
 */
public final class ServiceRegistry {
  public static final String S3 = "s3";
  private static final Pattern CBOR_PATH = Pattern.compile(".*/service/([^/]+)/operation/[^/]+");

  /** Answers errors for requests no service claims: Query, the protocol of the oldest AWS clients. */
  static final ServiceDefinition FALLBACK =
      new ServiceDefinition(
          "unknown",
          List.of(AwsProtocol.AWS_QUERY),
          null,
          null,
          null,
          false,
          null,
          ErrorCode.of("AccessDenied", 403),
          ErrorCode.of("ValidationError", 400),
          ErrorCode.of("InvalidAction", 400),
          null,
          Map.of());

  private final Map<String, ServiceDefinition> bySigningName;

  private ServiceRegistry(Map<String, ServiceDefinition> services) {
    this.bySigningName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }

  public static ServiceRegistry of(List<ServiceDefinition> services) {
    Map<String, ServiceDefinition> map = new LinkedHashMap<>();
    for (ServiceDefinition service : services) {
      if (map.put(service.signingName(), service) != null) {
        throw new IllegalArgumentException("two services sign as " + service.signingName());
      }
    }
    return new ServiceRegistry(map);
  }

  public ServiceDefinition bySigningName(String signingName) {
    return signingName == null ? null : bySigningName.get(signingName);
  }

  public List<ServiceDefinition> services() {
    return new ArrayList<>(bySigningName.values());
  }

  /**
   * The service a request is for: by signing name when signed for a known service, else by markers, else S3
   * (anonymous object reads are legitimate there), else the fallback.
   */
  public ServiceDefinition resolve(HttpRequest request, String scopeService) {
    ServiceDefinition signed = bySigningName(scopeService);
    if (signed != null) {
      return signed;
    }
    ServiceDefinition byMarkers = byMarkers(request);
    if (byMarkers != null) {
      return byMarkers;
    }
    ServiceDefinition s3 = bySigningName.get(S3);
    return s3 != null ? s3 : FALLBACK;
  }

  private ServiceDefinition byMarkers(HttpRequest request) {
    String target = request.header("X-Amz-Target");
    if (target != null) {
      int dot = target.lastIndexOf('.');
      String prefix = dot < 0 ? target : target.substring(0, dot);
      ServiceDefinition service = byTargetPrefix(prefix);
      if (service != null) {
        return service;
      }
    }
    Matcher cbor = CBOR_PATH.matcher(request.rawPath());
    if (cbor.matches()) {
      ServiceDefinition service = byTargetPrefix(cbor.group(1));
      if (service != null) {
        return service;
      }
    }
    if (QueryParserSupport.looksLikeQuery(request)) {
      String action = QueryParserSupport.actionOrNull(request);
      ServiceDefinition first = null;
      for (ServiceDefinition service : bySigningName.values()) {
        if (service.speaks(AwsProtocol.AWS_QUERY)) {
          if (action != null && service.operation(action) != null) {
            return service;
          }
          first = first == null ? service : first;
        }
      }
      if (first != null) {
        return first;
      }
    }
    for (ServiceDefinition service : bySigningName.values()) {
      if (service.speaks(AwsProtocol.REST_JSON_1)
          && service.restRouter() != null
          && service.restRouter().route(request).isPresent()) {
        return service;
      }
    }
    return null;
  }

  private ServiceDefinition byTargetPrefix(String prefix) {
    for (ServiceDefinition service : bySigningName.values()) {
      if (prefix.equals(service.jsonTargetPrefix())) {
        return service;
      }
    }
    return null;
  }
}
