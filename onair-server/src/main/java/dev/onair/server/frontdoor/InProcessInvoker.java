package dev.onair.server.frontdoor;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationInvoker;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.CommonErrors;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.StructNode;
import java.time.Clock;
import java.util.UUID;

/**
 * The console's way into the services: the AWS pipeline without the wire. The caller was authenticated by the
 * console's sign-in instead of SigV4; from there on it is {@link AwsPipeline#authorizeAndRun}, the same step an
 * API request takes, and the same call log line.
 */
public final class InProcessInvoker implements OperationInvoker {
  private final ServiceRegistry services;
  private final PolicyAuthorizer policies;
  private final String region;
  private final Clock clock;
  private final CallObserver observer;

  public InProcessInvoker(ServiceRegistry services, PolicyAuthorizer policies, String region, Clock clock) {
    this(services, policies, region, clock, CallObserver.NONE);
  }

  public InProcessInvoker(
      ServiceRegistry services, PolicyAuthorizer policies, String region, Clock clock, CallObserver observer) {
    this.observer = requireNonNull(observer, "observer is null");
    this.services = requireNonNull(services, "services is null");
    this.policies = requireNonNull(policies, "policies is null");
    this.region = requireNonNull(region, "region is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public OperationResult invoke(
      String signingName, String operationName, StructNode input, Caller caller, HttpRequest origin) {
    ServiceDefinition service = services.bySigningName(signingName);
    if (service == null) {
      throw new AwsServiceException(
          CommonErrors.SERVICE_UNAVAILABLE, "The " + signingName + " service is not available on this server.");
    }
    Operation operation = service.operation(operationName);
    if (operation == null) {
      throw new AwsServiceException(
          service.unknownOperation(), "The action " + operationName + " is not valid for this web service.");
    }
    String requestId = UUID.randomUUID().toString();
    long started = System.nanoTime();
    CallRecord record = new CallRecord();
    record.principal = caller.arn();
    record.action = signingName + ":" + operationName;
    CallContext context =
        new CallContext(
            requestId,
            caller.accountId(),
            region,
            caller,
            clock.instant(),
            origin,
            policies.forService(service.accessDenied()));
    int status = 200;
    try {
      OperationResult result = AwsPipeline.authorizeAndRun(service, operation, input, context, record, observer);
      if (result instanceof OperationResult.Output output) {
        status = output.status();
      }
      return result;
    } catch (AwsServiceException e) {
      status = e.errorCode().httpStatus();
      throw e;
    } catch (StructNode.MemberTypeException e) {
      status = service.validation().httpStatus();
      throw new AwsServiceException(service.validation(), e.getMessage());
    } finally {
      ApiCallLog.log(
          requestId, record.principal, record.action, record.decision, status,
          (System.nanoTime() - started) / 1_000_000);
    }
  }
}
