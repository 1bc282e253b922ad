package dev.onair.server.wiring;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.audit.AuditEvent;
import dev.onair.monitoring.audit.AuditLog;
import dev.onair.monitoring.audit.Decision;
import dev.onair.monitoring.prometheus.OperatorMetrics;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.server.frontdoor.CallObserver;
import java.util.ArrayList;
import java.util.List;

/** Sends every call's outcome to the audit trail (CloudTrail LookupEvents) and the Prometheus registry. */
public final class MonitoringCallObserver implements CallObserver {
  private final AuditLog auditLog;
  private final OperatorMetrics metrics;

  public MonitoringCallObserver(AuditLog auditLog, OperatorMetrics metrics) {
    this.auditLog = requireNonNull(auditLog, "auditLog is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public void denied(CallContext context, AuthorizationCheck check, AwsServiceException denial) {
    metrics.authorizationDecision(service(check.action()), "deny");
    auditLog.record(
        AuditEvent.of(
            context,
            check.action(),
            List.of(check.resourceArn()),
            Decision.DENY,
            denial.errorCode().code(),
            denial.getMessage()));
  }

  @Override
  public void completed(CallContext context, List<AuthorizationCheck> checks, AwsServiceException failure) {
    if (checks.isEmpty()) {
      return;
    }
    List<String> resources;
    if (checks.size() == 1) {
      resources = List.of(checks.get(0).resourceArn());
    } else {
      resources = new ArrayList<>(checks.size());
      for (AuthorizationCheck check : checks) {
        resources.add(check.resourceArn());
      }
    }
    String action = checks.get(0).action();
    metrics.authorizationDecision(service(action), "allow");
    auditLog.record(
        AuditEvent.of(
            context,
            action,
            resources,
            Decision.ALLOW,
            failure == null ? null : failure.errorCode().code(),
            failure == null ? null : failure.getMessage()));
  }

  @Override
  public void responded(String service, String operation, int status, long durationNanos) {
    metrics.requestCompleted(service, operation, status, durationNanos);
  }

  private static String service(String action) {
    int colon = action.indexOf(':');
    return colon < 0 ? action : action.substring(0, colon);
  }
}
