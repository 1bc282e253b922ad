package dev.onair.server.frontdoor;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ProtocolCodecs;
import dev.onair.protocol.codec.ProtocolDetector;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.CommonErrors;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.server.http.HttpHandler;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The single HTTP entry, like AWS's edge: non-AWS routes first (health, console, playback), then the AWS
 * pipeline for everything else. Also answers the transport's two early failures (body too large, overload) in the
 * protocol the client is speaking.
 */
public final class FrontDoor implements HttpHandler {
  private final LocalRoutes localRoutes;
  private final ServiceRegistry services;
  private final AwsPipeline pipeline;
  private final InlineReads inlineReads;

  /** @param inlineReads the signed calls the event loop may answer itself, chosen from the store type */
  public FrontDoor(
      LocalRoutes localRoutes,
      ServiceRegistry services,
      RequestAuthenticator authenticator,
      PolicyAuthorizer policies,
      Supplier<String> accountId,
      Clock clock,
      CallObserver observer,
      InlineReads inlineReads) {
    this.localRoutes = localRoutes;
    this.services = services;
    this.inlineReads = inlineReads;
    this.pipeline = new AwsPipeline(services, authenticator, policies, accountId, clock, observer);
  }

  /** Local routes that say so (health, playback served from memory), and the signed reads {@link InlineReads} covers. */
  @Override
  public boolean answersWithoutBlocking(HttpRequest request) {
    Optional<LocalHandler> local = localRoutes.match(request);
    if (local.isPresent()) {
      return local.get().answersWithoutBlocking(request);
    }
    return inlineReads.covers(request, services);
  }

  @Override
  public CompletableFuture<HttpResponse> handle(HttpRequest request, String requestId) {
    InlineReads.Routed routed = inlineReads.take(request);
    if (routed != null) {
      // classified a moment ago on this thread: not a local route, signed for this service
      return CompletableFuture.completedFuture(
          pipeline.handle(request, requestId, routed.service(), routed.protocol(), System.nanoTime()));
    }
    Optional<LocalHandler> local = localRoutes.match(request);
    if (local.isPresent()) {
      return local.get().handle(request, requestId);
    }
    return CompletableFuture.completedFuture(pipeline.handle(request, requestId));
  }

  @Override
  public HttpResponse requestTooLarge(HttpRequest head, String requestId, int limitBytes) {
    return error(
        head,
        requestId,
        new AwsServiceException(
            CommonErrors.REQUEST_TOO_LARGE,
            "Request body of more than " + limitBytes + " bytes is not accepted."));
  }

  @Override
  public HttpResponse overloaded(HttpRequest request, String requestId) {
    return error(
        request,
        requestId,
        new AwsServiceException(CommonErrors.SERVICE_UNAVAILABLE, "Too many requests; retry later."));
  }

  private HttpResponse error(HttpRequest request, String requestId, AwsServiceException error) {
    ServiceDefinition service = services.resolve(request, RequestAuthenticator.scopeService(request));
    AwsProtocol protocol = ProtocolDetector.detect(request, service);
    return ProtocolCodecs.of(protocol).errorWriter().write(service, error, requestId);
  }
}
