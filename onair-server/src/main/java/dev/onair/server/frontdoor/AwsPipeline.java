package dev.onair.server.frontdoor;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.Authorizer;
import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ParsedRequest;
import dev.onair.protocol.codec.ProtocolCodec;
import dev.onair.protocol.codec.ProtocolCodecs;
import dev.onair.protocol.codec.ProtocolDetector;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.CommonErrors;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.FormDecoder;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS request path, one step per method: pick the service, authenticate, parse, authorize each declared
 * check, run, serialise. Every failure leaves as an AWS error in the protocol the client used; an unexpected
 * exception becomes a generic 500 whose cause is only logged.
 */
final class AwsPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(AwsPipeline.class);
  /** S3's answer to a request line it cannot decode. */
  private static final ErrorCode INVALID_URI = ErrorCode.of("InvalidURI", 400);

  private final ServiceRegistry services;
  private final RequestAuthenticator authenticator;
  private final PolicyAuthorizer policies;
  private final Supplier<String> accountId;
  private final Clock clock;
  private final CallObserver observer;

  AwsPipeline(
      ServiceRegistry services,
      RequestAuthenticator authenticator,
      PolicyAuthorizer policies,
      Supplier<String> accountId,
      Clock clock,
      CallObserver observer) {
    this.services = services;
    this.authenticator = authenticator;
    this.policies = policies;
    this.accountId = accountId;
    this.clock = clock;
    this.observer = observer;
  }

  HttpResponse handle(HttpRequest request, String requestId) {
    long started = System.nanoTime();
    ServiceDefinition service;
    AwsProtocol protocol;
    try {
      service = services.resolve(request, RequestAuthenticator.scopeService(request));
      protocol = ProtocolDetector.detect(request, service);
    } catch (FormDecoder.MalformedFormException e) {
      // A malformed query string must still be answered in the service's protocol: route without it and let
      // the parse below report it. Only this rare path pays for a second look at the request.
      HttpRequest routable = withoutQuery(request);
      service = services.resolve(routable, RequestAuthenticator.scopeService(routable));
      protocol = ProtocolDetector.detect(routable, service);
    }
    return handle(request, requestId, service, protocol, started);
  }

  /** The rest of {@link #handle(HttpRequest, String)}, once the service and protocol are known. */
  HttpResponse handle(
      HttpRequest request, String requestId, ServiceDefinition service, AwsProtocol protocol, long started) {
    CallRecord record = new CallRecord();
    ProtocolCodec codec = ProtocolCodecs.of(protocol);
    HttpResponse response;
    try {
      response = serve(request, requestId, service, codec, record);
    } catch (AwsServiceException e) {
      response = codec.errorWriter().write(service, e, requestId);
    } catch (StructNode.MemberTypeException e) {
      response =
          codec.errorWriter().write(service, new AwsServiceException(service.validation(), e.getMessage()), requestId);
    } catch (FormDecoder.MalformedFormException e) {
      ErrorCode code = protocol == AwsProtocol.REST_XML ? INVALID_URI : CommonErrors.MALFORMED_QUERY_STRING;
      response = codec.errorWriter().write(service, new AwsServiceException(code, e.getMessage()), requestId);
    } catch (RuntimeException e) {
      LOG.error("request {} ({}) failed", requestId, record.action, e);
      AwsServiceException internal =
          new AwsServiceException(CommonErrors.internal(protocol), CommonErrors.INTERNAL_MESSAGE);
      response = codec.errorWriter().write(service, internal, requestId);
    }
    long elapsed = System.nanoTime() - started;
    observer.responded(
        service.signingName(), record.operation == null ? "-" : record.operation, response.status(), elapsed);
    long latency = elapsed / 1_000_000;
    ApiCallLog.log(requestId, record.principal, record.action, record.decision, response.status(), latency);
    return response;
  }

  private HttpResponse serve(
      HttpRequest received, String requestId, ServiceDefinition service, ProtocolCodec codec, CallRecord record) {
    Instant now = clock.instant();
    Authentication authentication = authenticator.authenticate(received, service, codec.protocol(), now);
    record.principal = authentication.caller().arn();
    HttpRequest request = authentication.request();
    Authorizer authorizer = policies.forService(service.accessDenied());
    ParsedRequest parsed = codec.parser().parse(request, service);
    record.action = service.signingName() + ":" + parsed.operationName();
    record.operation = parsed.operationName();
    CallContext context =
        new CallContext(
            requestId,
            accountFor(authentication),
            authentication.region(),
            authentication.caller(),
            now,
            request,
            authorizer);
    OperationResult result =
        authorizeAndRun(service, parsed.operation(), parsed.input(), context, record, observer);
    if (result instanceof OperationResult.Raw raw) {
      return raw.response();
    }
    return codec.serializer().serialize(service, parsed.operationName(), (OperationResult.Output) result, requestId);
  }

  /**
   * Authorizes every check the operation declares, then runs it. The one step the HTTP path and the in-process
   * path ({@link InProcessInvoker}, used by the console) share, so neither can authorize differently.
   *
   * <p>An operation that declares no checks decides its resources while it runs (IVS's creates and batch gets name
   * the new resource's ARN only after drawing its id): its handler asks the same {@link CallChecks}, so the checks
   * it makes are the call's checks for the audit trail and the call log as much as for the decision. Only then is
   * the handler given a context of its own: a declared check's {@code CallMemo} value is keyed by the context.
   */
  static OperationResult authorizeAndRun(
      ServiceDefinition service,
      Operation operation,
      StructNode input,
      CallContext context,
      CallRecord record,
      CallObserver observer) {
    List<AuthorizationCheck> declared = operation.authorization().checks(context, input);
    CallChecks checks = new CallChecks(context.authorizer(), service.accessDenied(), record, observer);
    for (AuthorizationCheck check : declared) {
      record.action = check.action();
      checks.require(context, check);
    }
    record.decision = ApiCallLog.Decision.ALLOW;
    CallContext handlerContext = declared.isEmpty() ? context.withAuthorizer(checks) : context;
    OperationResult result;
    try {
      result = operation.handler().handle(handlerContext, input);
    } catch (AwsServiceException failure) {
      if (!checks.denied()) {
        observer.completed(context, checks.allowed(), failure);
      }
      throw failure;
    }
    observer.completed(context, checks.allowed(), null);
    return result;
  }

  private static HttpRequest withoutQuery(HttpRequest request) {
    return new HttpRequest(
        request.method(),
        request.rawPath(),
        "",
        request.headers(),
        request.body(),
        request.remoteAddress(),
        request.secure());
  }

  private String accountFor(Authentication authentication) {
    String callerAccount = authentication.caller().accountId();
    return callerAccount != null ? callerAccount : accountId.get();
  }
}
