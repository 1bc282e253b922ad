package dev.onair.server.wiring;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.IvsQuotas;
import dev.onair.monitoring.quotas.QuotaDefinition;
import dev.onair.monitoring.quotas.QuotaRegistry;

/**
 * Service Quotas' view of IVS's limits: reads and writes {@link IvsQuotas} itself, so a value approved through
 * Service Quotas is the value CreateChannel checks on its next call. The catalog's {@code key} is the {@link
 * IvsQuota} constant's name.
 */
public final class IvsQuotaRegistry implements QuotaRegistry {
  private final IvsQuotas quotas;

  public IvsQuotaRegistry(IvsQuotas quotas) {
    this.quotas = requireNonNull(quotas, "quotas is null");
  }

  @Override
  public double value(QuotaDefinition quota, String accountId, String region) {
    return quotas.limit(IvsQuota.valueOf(quota.key()), accountId, region);
  }

  @Override
  public void setValue(QuotaDefinition quota, String accountId, String region, double value) {
    quotas.set(IvsQuota.valueOf(quota.key()), accountId, region, (long) value);
  }
}
