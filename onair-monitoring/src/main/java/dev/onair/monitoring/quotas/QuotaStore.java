package dev.onair.monitoring.quotas;

import java.util.List;
import java.util.Optional;

/**
 * What Service Quotas persists: increase requests and the values they applied, so approved values survive a
 * restart and reach other nodes (replayed into the {@link QuotaRegistry} at start-up and by the {@code
 * quota-refresh} job every 0.5 s, see {@code ServiceQuotasService.refresh}). JDBC implementation in
 * onair-storage.
 */
public interface QuotaStore {
  void saveRequest(QuotaRequest request);

  Optional<QuotaRequest> findRequest(String id);

  /** Requests of an account and region, newest first; null filters match everything. */
  List<QuotaRequest> requests(String accountId, String region, String serviceCode, String quotaCode, String status);

  void saveApplied(AppliedQuota applied);

  List<AppliedQuota> applied();

  /** A value in force that differs from the catalog default. */
  record AppliedQuota(String accountId, String region, String serviceCode, String quotaCode, double value) {}
}
