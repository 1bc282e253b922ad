package dev.onair.monitoring.quotas;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A RequestServiceQuotaIncrease request and its outcome.
 *
 * @param status PENDING, APPROVED, DENIED (Service Quotas' RequestStatus values)
 * @param requester the caller's ARN, reported in Requester
 */
public record QuotaRequest(
    String id,
    String accountId,
    String region,
    String serviceCode,
    String quotaCode,
    double desiredValue,
    String status,
    Instant created,
    Instant lastUpdated,
    String requester) {

  public QuotaRequest {
    requireNonNull(id, "id is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(region, "region is null");
    requireNonNull(serviceCode, "serviceCode is null");
    requireNonNull(quotaCode, "quotaCode is null");
    requireNonNull(status, "status is null");
    requireNonNull(created, "created is null");
    requireNonNull(lastUpdated, "lastUpdated is null");
  }

  public boolean isOpen() {
    return "PENDING".equals(status) || "CASE_OPENED".equals(status);
  }

  public QuotaRequest withStatus(String newStatus, Instant now) {
    return new QuotaRequest(
        id, accountId, region, serviceCode, quotaCode, desiredValue, newStatus, created, now, requester);
  }
}
