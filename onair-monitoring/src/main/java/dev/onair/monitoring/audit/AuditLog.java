package dev.onair.monitoring.audit;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail of API calls. The front door records every call that reached authorization, allowed or denied
 * (see WIRING.md); CloudTrail's LookupEvents reads it. JDBC implementation in onair-storage.
 *
 * <p>{@link #record} must not throw into the request path for storage trouble; callers may rely on it.
 */
public interface AuditLog {
  void record(AuditEvent event);

  /**
   * Records several events; storage implementations write them in one transaction, which is why batching
   * ({@link BatchingAuditLog}) pays. Same failure rule as {@link #record}.
   */
  default void recordAll(List<AuditEvent> events) {
    events.forEach(this::record);
  }

  List<AuditEvent> lookup(AuditQuery query);

  /** Drops events older than {@code cutoff} (CloudTrail's event history keeps 90 days). */
  int expire(Instant cutoff);
}
