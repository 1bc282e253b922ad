package dev.onair.monitoring.quotas;

import java.util.Map;

/**
 * Which increase requests are approved at once: values up to a ceiling (per quota code, or the default ceiling).
 * Requests above it stay PENDING until an operator approves or denies them (console, or {@link
 * ServiceQuotasService#decide}). The default approves everything, which suits a self-hosted installation whose
 * operator is also the only customer.
 */
public record QuotaApprovalPolicy(double defaultCeiling, Map<String, Double> ceilings) {
  public static final QuotaApprovalPolicy APPROVE_ALL =
      new QuotaApprovalPolicy(Double.POSITIVE_INFINITY, Map.of());

  public QuotaApprovalPolicy {
    ceilings = Map.copyOf(ceilings);
  }

  public boolean approves(String quotaCode, double desiredValue) {
    return desiredValue <= ceilings.getOrDefault(quotaCode, defaultCeiling);
  }
}
