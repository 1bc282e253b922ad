package dev.onair.monitoring.quotas;

import java.util.List;
import java.util.Optional;

/**
 * What Service Quotas persists: increase requests and the values they applied, so approved values survive a
 * restart (the composition root replays them into the {@link QuotaRegistry} at start-up). JDBC implementation in
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
