package dev.onair.monitoring.quotas;

/**
 * The limits a service enforces, read and changed by Service Quotas. The composition root implements it over
 * onair-ivs's {@code IvsQuotas} (see WIRING.md), so a value set here is the value IVS checks on its next call; the
 * in-memory implementation serves tests and installations without IVS.
 */
public interface QuotaRegistry {
  /** The value in force for the account and region. */
  double value(QuotaDefinition quota, String accountId, String region);

  /** Changes the value in force for the account and region. */
  void setValue(QuotaDefinition quota, String accountId, String region, double value);
}
