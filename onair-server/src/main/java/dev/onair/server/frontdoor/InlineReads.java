package dev.onair.server.frontdoor;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.RestRoute;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ProtocolDetector;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.query.QueryParserSupport;
import java.util.Set;

/**
 * Which signed API calls the event loop answers itself instead of handing them to a worker (ARCHITECTURE.md,
 * request path). Chosen once by the composition root from the store: on the embedded store (H2 in this process)
 * a read is memory and page-cache work, so the operations IAM, STS, IVS and Service Quotas declare read-only
 * ({@link Operation#readOnly()}) qualify, except those whose cost grows with the whole account; on PostgreSQL
 * every read is network I/O, so none does.
 *
 * <p>The operation is found from the request's markers, the way the codec will find it, before anything is
 * parsed: the credential scope's service, then {@code Action} (Query), {@code X-Amz-Target} (awsJson) or the
 * service's REST router (IVS: {@code POST /GetChannel}). A request that is not signed for a covered service, or
 * whose operation is not found this way, goes to a worker as before.
 */
public final class InlineReads {
  /** Signing names whose read-only operations the embedded store lets the event loop answer. */
  static final Set<String> EMBEDDED_SERVICES = Set.of("iam", "sts", "ivs", "servicequotas");

  /** Declared read-only, but proportional to everything in the account: worker work. */
  static final Set<String> HEAVY = Set.of("iam:GetAccountAuthorizationDetails");

  private static final InlineReads NONE = new InlineReads(Set.of());

  private final Set<String> services;
  /**
   * What {@link #covers} found for the last request it said yes to on this thread. The event loop then runs that
   * request at once on the same thread, so the pipeline takes the service and protocol from here instead of
   * reading the signature's scope and the protocol markers a second time ({@link #take}).
   */
  private final ThreadLocal<Routed> routed = new ThreadLocal<>();

  /** A covered request with the service it is signed for and the protocol its codec speaks. */
  record Routed(HttpRequest request, ServiceDefinition service, AwsProtocol protocol) {}

  private InlineReads(Set<String> services) {
    this.services = Set.copyOf(services);
  }

  /** Nothing signed runs on the event loop (PostgreSQL: every read is a network round trip). */
  public static InlineReads none() {
    return NONE;
  }

  /** The embedded store's choice: declared reads of IAM, STS, IVS and Service Quotas. */
  public static InlineReads embeddedStore() {
    return new InlineReads(EMBEDDED_SERVICES);
  }

  /** Whether {@code request} is a signed call to a read-only operation this choice covers; never throws. */
  boolean covers(HttpRequest request, ServiceRegistry registry) {
    if (services.isEmpty()) {
      return false;
    }
    try {
      String scope = RequestAuthenticator.scopeService(request);
      if (scope == null || !services.contains(scope)) {
        return false;
      }
      ServiceDefinition service = registry.bySigningName(scope);
      if (service == null) {
        return false;
      }
      AwsProtocol protocol = ProtocolDetector.detect(request, service);
      String name = operationName(request, service, protocol);
      Operation operation = name == null ? null : service.operation(name);
      if (operation == null || !operation.readOnly() || HEAVY.contains(scope + ":" + name)) {
        return false;
      }
      routed.set(new Routed(request, service, protocol));
      return true;
    } catch (RuntimeException unreadable) {
      // whatever the codec will say about it, it is said on a worker
      return false;
    }
  }

  /**
   * The routing {@link #covers} found for this very request (same instance) on this thread, once; null for any
   * other request, which is then routed as usual.
   */
  Routed take(HttpRequest request) {
    Routed last = routed.get();
    if (last == null) {
      return null;
    }
    routed.set(null);
    return last.request() == request ? last : null;
  }

  /** The operation the codec will pick for {@code protocol}, or null when it cannot be told cheaply. */
  static String operationName(HttpRequest request, ServiceDefinition service, AwsProtocol protocol) {
    return switch (protocol) {
      case AWS_QUERY -> QueryParserSupport.actionOrNull(request); // the last Action, as QueryParser reads it
      case AWS_JSON_1_0, AWS_JSON_1_1 -> jsonTarget(request, service);
      case REST_JSON_1, REST_XML ->
          service.restRouter() == null
              ? null
              : service.restRouter().route(request).map(RestRoute::operationName).orElse(null);
      case RPC_V2_CBOR -> null; // no covered service speaks it
    };
  }

  private static String jsonTarget(HttpRequest request, ServiceDefinition service) {
    String target = request.header("X-Amz-Target");
    if (target == null) {
      return null;
    }
    int dot = target.lastIndexOf('.');
    String prefix = dot < 0 ? "" : target.substring(0, dot);
    return prefix.equals(service.jsonTargetPrefix()) ? target.substring(dot + 1) : null;
  }
}
